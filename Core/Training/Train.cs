using LanguageExt;
using LanguageExt.Common;
using Pure.Core.Backends;
using Pure.Core.Backends.Cpu;
using Pure.Core.Data;
using Pure.Core.Layers;
using Pure.Core.Losses;
using Pure.Core.Optimisers;

namespace Pure.Core.Training;

/// <summary>
/// After each epoch of <see cref="Train.Fit(Layer, Dataset, Loss, Optimiser, int, int, long, IBackend{float}, Action{EpochProgress})"/>:
/// the mean batch loss, and the parameters on request — <see cref="Parameters"/> works only during the callback
/// (the next step consumes the state it reads).
/// </summary>
public readonly record struct EpochProgress(int Epoch, double MeanLoss, Func<Params> Parameters);

/// <summary>
/// Training as one function of its inputs: (layer, data, loss, optimiser, epochs, batch, seed) → model, over
/// the core's one epoch loop (<see cref="TrainingRun"/>; the seed's keys are <see cref="TrainingKeys"/>). The
/// same seed gives the same model on the CPU. Without a backend it runs on <see cref="CpuBackend.Default"/>.
/// </summary>
public static class Train
{
    /// <summary>
    /// Plans <paramref name="layer"/> for the data's width, initialises it from the seed's <see cref="TrainingKeys.Init"/> key,
    /// and trains it for <paramref name="epochs"/> epochs of mini-batches of <paramref name="batchSize"/> rows.
    /// </summary>
    /// <returns>The trained model, or an error naming the bad input or the failed step.</returns>
    public static Fin<Model> Fit(Layer layer, Dataset data, Loss loss, Optimiser optimiser, int epochs,
        int batchSize = 32, long seed = 0, IBackend<float>? backend = null, Action<EpochProgress>? onEpoch = null) =>
        from network in Network.Build(layer, data.InputWidth)
        from model in Fit(network, network.Init(TrainingKeys.FromSeed(seed).Init), data, loss, optimiser, epochs, batchSize, seed, backend, onEpoch)
        select model;

    /// <summary>Continues from given parameters.</summary>
    public static Fin<Model> Fit(Network network, Params initial, Dataset data, Loss loss, Optimiser optimiser, int epochs,
        int batchSize = 32, long seed = 0, IBackend<float>? backend = null, Action<EpochProgress>? onEpoch = null)
    {
        if (batchSize < 1) return Error.New($"batch size must be positive, got {batchSize}");
        if (data.Rows == 0) return Error.New("no rows to train on");
        if (epochs < 0) return Error.New($"epochs must be ≥ 0, got {epochs}");
        return TrainingStep.Compile(network, loss, optimiser, backend ?? CpuBackend.Default, Math.Min(batchSize, data.Rows)).Bind(step =>
        {
            using (step)
                return step.Upload(data.Features, data.Targets).Bind(device =>
                {
                    using (device)
                        return TrainingRun.Start(step, device, initial, TrainingKeys.FromSeed(seed)).Bind(run =>
                        {
                            while (run.Epoch < epochs)
                            {
                                var meanLoss = run.NextEpoch();
                                if (meanLoss.IsFail) return (Error)meanLoss;
                                onEpoch?.Invoke(new EpochProgress(run.Epoch, (double)meanLoss, run.Parameters));
                            }
                            return (Fin<Model>)new Model(network, loss, run.Parameters()) { State = run.State() };
                        });
                });
        });
    }
}
