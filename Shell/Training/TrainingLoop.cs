using System.Diagnostics;
using Pure.Core.Backends;
using Pure.Shell.Cli;

namespace Pure.Shell.Training;

/// <summary>
/// The imperative epoch loop around the core's pure step: shuffle by seed, run the epoch, measure, report,
/// log, early-stop, checkpoint, and stop cleanly on a non-finite loss or an interrupt.
/// Key use (shared with <c>Train.Fit</c>): Fold(1) dropout, Fold(2).Fold(epoch) the epoch's order.
/// </summary>
public sealed class TrainingLoop(IBackend<float> backend, TrainingStep step, DeviceDataset data, EvaluationSet training, EvaluationSet? validation)
{
    public LoopOutcome Run(LoopSettings settings, Params initial, Checkpoint? resume, IEpochReporter reporter, TrainingLog? log,
        Func<bool> interrupted, Action<Checkpoint>? saveCheckpoint, string? checkpointPath = null)
    {
        var rng = settings.Rng;
        var state = resume is null
            ? step.Start(initial, rng.Fold(1))
            : step.Resume(resume.Parameters, resume.Optimiser, rng.Fold(1)).Match(s => s, e => throw new CliException($"--resume: {e.Message}"));
        var firstEpoch = resume is null ? 1 : resume.Epoch + 1;
        var (bestEpoch, bestLoss, best) = resume is null ? (0, double.PositiveInfinity, (Params?)null) : (resume.BestEpoch, resume.BestLoss, resume.Best);
        if (resume is not null && log is not null) foreach (var r in resume.Log) log.Add(r);

        var order = Enumerable.Range(0, data.Rows).ToArray();
        EpochReport? last = resume?.Log.LastOrDefault();
        var stoppedEarly = false;
        var lastEpoch = firstEpoch - 1;
        for (var epoch = firstEpoch; epoch <= settings.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            if (settings.BatchSize < data.Rows) rng.Fold(2).Fold((ulong)epoch).Permutation(order);
            (state, var loss) = step.RunEpoch(state, data, order, settings.BatchSize);
            if (!double.IsFinite(loss))
            {
                log?.Flush();
                throw new CliException($"epoch {epoch}: the loss became {loss}; the run diverged — try a lower learning rate (--lr)" +
                                       (saveCheckpoint is null ? "" : "; the last good checkpoint is kept"), ExitCodes.Failed);
            }
            var parameters = step.Freeze(state);
            var (accuracy, _) = Measure(parameters, training);
            var (valAccuracy, valLoss) = validation is null ? (null, null) : Measure(parameters, validation);
            last = new EpochReport(epoch, loss, accuracy, valLoss, valAccuracy, clock.Elapsed.TotalSeconds);
            log?.Add(last);
            reporter.Report(last, settings.Epochs);
            lastEpoch = epoch;

            if (valLoss is { } vl && vl < bestLoss)
                (bestEpoch, bestLoss, best) = (epoch, vl, parameters);
            var patienceRanOut = settings.Patience is { } p && validation is not null && epoch - bestEpoch >= p;
            var stop = interrupted();
            if (saveCheckpoint is not null && (stop || settings.CheckpointEvery is { } every && (epoch % every == 0 || epoch == settings.Epochs || patienceRanOut)))
            {
                var (snapshot, optimiser) = step.Snapshot(state);
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
        var final = settings.Patience is not null && best is not null ? best : step.Freeze(state);
        return new LoopOutcome(final, lastEpoch, bestEpoch == 0 ? null : bestEpoch, stoppedEarly, last ?? throw new CliException("no epoch ran (is --epochs below the checkpoint's epoch?)"));
    }

    /// <summary>(accuracy for classification, mean loss) in evaluation mode, from one forward pass.</summary>
    (double? Accuracy, double? Loss) Measure(Params parameters, EvaluationSet set)
    {
        var (predictions, loss) = Inference.Evaluate(backend, step.Network, parameters, step.Loss, set.Features, set.Targets)
            .Match(r => r, e => throw new CliException(e.Message));
        double? accuracy = set.Classes is null ? null : Metrics.Accuracy(Metrics.Classes(predictions), set.Classes);
        return (accuracy, loss);
    }
}
