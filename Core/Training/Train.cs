using LanguageExt;
using LanguageExt.Common;
using Pure.Core.Backends;
using Pure.Core.Backends.Cpu;
using Pure.Core.Data;
using Pure.Core.Layers;
using Pure.Core.Losses;
using Pure.Core.Optimisers;
using Pure.Core.Tensors;

namespace Pure.Core.Training;

/// <summary>
/// After each epoch of <see cref="Train.Fit(Layer, Dataset, Loss, Optimiser, int, int, long, IBackend{float}, Action{EpochProgress})"/>:
/// the mean batch loss, and the parameters on request — <see cref="Parameters"/> works only during the callback
/// (the next step consumes the state it reads).
/// </summary>
public readonly record struct EpochProgress(int Epoch, double MeanLoss, Func<Params> Parameters);

/// <summary>
/// Training as one function of its inputs: (layer, data, loss, optimiser, epochs, batch, seed) → model. The
/// same seed gives the same model on the CPU. Key use: <c>seed</c> → Fold(0) initial parameters, Fold(1)
/// dropout masks, Fold(2).Fold(epoch) the epoch's shuffle (full-batch runs keep the data's order).
/// </summary>
public static class Train
{
    public static Fin<Model> Fit(Layer layer, Dataset data, Loss loss, Optimiser optimiser, int epochs,
        int batchSize = 32, long seed = 0, IBackend<float>? backend = null, Action<EpochProgress>? onEpoch = null) =>
        from network in Network.Build(layer, data.InputWidth)
        from model in Fit(network, network.Init(Rng.FromSeed(seed).Fold(0)), data, loss, optimiser, epochs, batchSize, seed, backend, onEpoch)
        select model;

    /// <summary>Continues from given parameters.</summary>
    public static Fin<Model> Fit(Network network, Params initial, Dataset data, Loss loss, Optimiser optimiser, int epochs,
        int batchSize = 32, long seed = 0, IBackend<float>? backend = null, Action<EpochProgress>? onEpoch = null)
    {
        if (initial.Length != network.Layout.Length) return Error.New($"the network has {network.Layout.Length} parameters, the initial values {initial.Length}");
        if (batchSize < 1) return Error.New($"batch size must be positive, got {batchSize}");
        if (data.Rows == 0) return Error.New("no rows to train on");
        if (epochs < 0) return Error.New($"epochs must be ≥ 0, got {epochs}");
        backend ??= new CpuBackend<float>();
        var batch = Math.Min(batchSize, data.Rows);
        return TrainingStep.Compile(network, loss, optimiser, backend, batch).Bind(step =>
        {
            using (step)
                return step.Upload(data.Features, data.Targets).Map(device =>
                {
                    using (device)
                    {
                        var rng = Rng.FromSeed(seed);
                        var state = step.Start(initial, rng.Fold(1));
                        var order = new int[data.Rows];
                        for (var i = 0; i < order.Length; i++) order[i] = i;
                        for (var epoch = 1; epoch <= epochs; epoch++)
                        {
                            if (batch < data.Rows) rng.Fold(2).Fold((ulong)epoch).Permutation(order);
                            (state, var meanLoss) = step.RunEpoch(state, device, order, batch);
                            var current = state;
                            onEpoch?.Invoke(new EpochProgress(epoch, meanLoss, () => step.Freeze(current)));
                        }
                        return new Model(network, loss, step.Freeze(state));
                    }
                });
        });
    }
}
