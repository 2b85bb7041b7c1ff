using System.Diagnostics;
using Pure.Shell.Cli;

namespace Pure.Shell.Training;

/// <summary>
/// The shell's side of training: it drives the core's epoch loop (<see cref="TrainingRun"/>) and does what
/// only a shell decides — measure on the uploaded training and validation rows, report, log, stop early,
/// checkpoint, and stop cleanly on a non-finite loss or an interrupt.
/// </summary>
public sealed class TrainingLoop(TrainingStep step, DeviceDataset data, DeviceDataset? validation)
{
    public LoopOutcome Run(LoopSettings settings, Params initial, Checkpoint? resume, IEpochReporter reporter, TrainingLog? log,
        Func<bool> interrupted, Action<Checkpoint>? saveCheckpoint, string? checkpointPath = null)
    {
        var run = (resume is null
                ? TrainingRun.Start(step, data, initial, settings.Keys)
                : TrainingRun.Resume(step, data, resume.Parameters, resume.Optimiser, resume.Epoch, settings.Keys))
            .Match(r => r, e => throw new CliException(resume is null ? e.Message : $"--resume: {e.Message}"));
        var (bestEpoch, bestLoss, best) = resume is null ? (0, double.PositiveInfinity, (Params?)null) : (resume.BestEpoch, resume.BestLoss, resume.Best);
        if (resume is not null && log is not null) foreach (var r in resume.Log) log.Add(r);

        EpochReport? last = resume?.Log.LastOrDefault();
        var stoppedEarly = false;
        while (run.Epoch < settings.Epochs)
        {
            var clock = Stopwatch.StartNew();
            var loss = run.NextEpoch();
            var epoch = run.Epoch;
            if (!double.IsFinite(loss))
            {
                log?.Flush();
                throw new CliException($"epoch {epoch}: the loss became {loss}; the run diverged — try a lower learning rate (--lr)" +
                                       (saveCheckpoint is null ? "" : "; the last good checkpoint is kept"), ExitCodes.Failed);
            }
            var training = run.Evaluate(data);
            Evaluation? held = validation is null ? null : run.Evaluate(validation);
            last = new EpochReport(epoch, loss, training.Accuracy, held?.Loss, held?.Accuracy, clock.Elapsed.TotalSeconds);
            log?.Add(last);
            reporter.Report(last, settings.Epochs);

            if (held is { Loss: var vl } && vl < bestLoss)
                (bestEpoch, bestLoss, best) = (epoch, vl, run.Parameters());
            var patienceRanOut = settings.Patience is { } p && validation is not null && epoch - bestEpoch >= p;
            var stop = interrupted();
            if (saveCheckpoint is not null && (stop || settings.CheckpointEvery is { } every && (epoch % every == 0 || epoch == settings.Epochs || patienceRanOut)))
            {
                var (snapshot, optimiser) = run.Snapshot();
                saveCheckpoint(new Checkpoint(epoch, snapshot, optimiser, bestEpoch, bestLoss, best, log?.Rows.ToArray() ?? []));
            }
            if (stop)
            {
                log?.Flush();
                throw new CliException($"interrupted after epoch {epoch}" + (saveCheckpoint is null ? "" : $"; checkpoint written to {checkpointPath} (continue with --resume {checkpointPath})"), 130);
            }
            if (patienceRanOut)
            {
                stoppedEarly = true;
                reporter.Message($"early stop at epoch {epoch}: validation loss has not improved for {settings.Patience} epochs; restoring the weights of epoch {bestEpoch}");
                break;
            }
        }
        log?.Flush();
        var final = settings.Patience is not null && best is not null ? best : run.Parameters();
        return new LoopOutcome(final, run.Epoch, bestEpoch == 0 ? null : bestEpoch, stoppedEarly, last ?? throw new CliException("no epoch ran (is --epochs below the checkpoint's epoch?)"));
    }
}
