using System.Diagnostics;
using LanguageExt.Common;
using Pure.Shell.Cli;

namespace Pure.Shell.Training;

/// <summary>
/// The shell's side of training: it drives the core's epoch loop (<see cref="TrainingRun"/>) and does what
/// only a shell decides — measure on the uploaded training and validation rows, report, log, stop early,
/// checkpoint, and stop cleanly on a non-finite loss or an interrupt. The log is written with every
/// checkpoint and when the run fails or is interrupted; when it ends, its caller writes it, after the model.
/// </summary>
public sealed class TrainingLoop(TrainingStep step, DeviceDataset data, DeviceDataset? validation)
{
    public LoopOutcome Run(LoopSettings settings, Params initial, Checkpoint? resume, IEpochReporter reporter, TrainingLog? log,
        Func<int?> interruption, Action<Checkpoint>? saveCheckpoint, string? checkpointPath = null)
    {
        var run = (resume is null
                ? TrainingRun.Start(step, data, initial, settings.Keys)
                : TrainingRun.Resume(step, data, resume.Parameters, resume.Optimiser, resume.Epoch, settings.Keys, resume.State))
            .Match(r => r, e => throw new CliException(resume is null ? e.Message : $"--resume: {e.Message}"));
        var (bestEpoch, bestLoss, best) = resume is null ? (0, double.PositiveInfinity, (Params?)null) : (resume.BestEpoch, resume.BestLoss, resume.Best);
        var bestState = resume?.BestState;
        if (resume is not null && log is not null) foreach (var r in resume.Log) log.Add(r);

        EpochReport? last = resume?.Log.LastOrDefault();
        int? lastCheckpoint = null;
        var stoppedEarly = false;
        while (run.Epoch < settings.Epochs)
        {
            var clock = Stopwatch.StartNew();
            var next = run.NextEpoch();
            var epoch = run.Epoch;
            // checked before any checkpoint of this epoch: the last one written holds finite weights
            CliException Diverged(string why)
            {
                log?.Flush();
                return new CliException(why + " — try a lower learning rate (--lr)" +
                                        (lastCheckpoint is { } kept ? $"; the checkpoint of epoch {kept} ({checkpointPath}) is the last good one"
                                            : resume is not null ? "; the checkpoint resumed from is unchanged" : "; nothing was saved"),
                    ExitCodes.Failed);
            }
            if (next.IsFail) throw Diverged(((Error)next).Message);
            var loss = (double)next;
            var training = run.Evaluate(data);
            // finite but huge weights can still give outputs that are not numbers
            if (!double.IsFinite(training.Loss)) throw Diverged($"epoch {epoch}: the loss on the training rows became {training.Loss} after the update; the run diverged");
            Evaluation? held = validation is null ? null : run.Evaluate(validation);
            last = new EpochReport(epoch, loss, training.Accuracy, held?.Loss, held?.Accuracy, clock.Elapsed.TotalSeconds);
            log?.Add(last);
            reporter.Report(last, settings.Epochs);

            if (held is { Loss: var vl } && vl < bestLoss)
                (bestEpoch, bestLoss, best, bestState) = (epoch, vl, run.Parameters(), run.State());
            var patienceRanOut = settings.Patience is { } p && validation is not null && epoch - bestEpoch >= p;
            var stopCode = interruption();
            var stop = stopCode is not null;
            if (saveCheckpoint is not null && (stop || settings.CheckpointEvery is { } every && (epoch % every == 0 || epoch == settings.Epochs || patienceRanOut)))
            {
                var (snapshot, optimiser, state) = run.Snapshot();
                saveCheckpoint(new Checkpoint(epoch, snapshot, optimiser, bestEpoch, bestLoss, best, log?.Rows.ToArray() ?? []) { State = state, BestState = bestState });
                lastCheckpoint = epoch;
                log?.Flush();
            }
            if (stop)
            {
                log?.Flush();
                throw new CliException($"interrupted after epoch {epoch}" + (saveCheckpoint is null ? "" : $"; checkpoint written to {checkpointPath} (continue with --resume {checkpointPath})"), stopCode!.Value);
            }
            if (patienceRanOut)
            {
                stoppedEarly = true;
                reporter.Message($"early stop at epoch {epoch}: validation loss has not improved for {settings.Patience} epochs; restoring the weights of epoch {bestEpoch}");
                break;
            }
        }
        var restored = settings.Patience is not null && best is not null;
        var final = restored ? best! : run.Parameters();
        var finalState = restored ? bestState ?? step.Network.InitialState() : run.State();
        return new LoopOutcome(final, finalState, run.Epoch, bestEpoch == 0 ? null : bestEpoch, stoppedEarly, last ?? throw new CliException("no epoch ran (is --epochs below the checkpoint's epoch?)"));
    }
}
