using LanguageExt;
using Pure.Core.Optimisers;

namespace Pure.Core.Training;

/// <summary>
/// The epoch loop, defined once for the library and the CLI: each <see cref="NextEpoch"/> orders the rows
/// (shuffled by <see cref="TrainingKeys.Shuffle"/>, except in full-batch runs, which keep the data's order),
/// runs the batches through the compiled step, and returns the epoch's mean batch loss (training mode, before
/// each update). The caller drives it and decides what to watch, when to stop and what to save.
/// </summary>
public sealed class TrainingRun
{
    readonly TrainingStep step;
    readonly DeviceDataset data;
    readonly TrainingKeys keys;
    readonly int batchSize;
    readonly int[] order;
    TrainState state;

    TrainingRun(TrainingStep step, DeviceDataset data, TrainingKeys keys, TrainState state, int epoch)
    {
        this.step = step;
        this.data = data;
        this.keys = keys;
        this.state = state;
        batchSize = Math.Min(step.BatchCapacity, data.Rows);
        order = new int[data.Rows];
        Epoch = epoch;
    }

    /// <summary>The epochs completed so far.</summary>
    public int Epoch { get; private set; }

    /// <summary>A run from <paramref name="initial"/> parameters and a fresh optimiser state on data uploaded with the step.</summary>
    public static Fin<TrainingRun> Start(TrainingStep step, DeviceDataset data, Params initial, TrainingKeys keys) =>
        initial.Length != step.Network.Layout.Length
            ? LanguageExt.Common.Error.New($"the network has {step.Network.Layout.Length} parameters, the initial values {initial.Length}")
            : data.Rows == 0
                ? LanguageExt.Common.Error.New("no rows to train on")
                : new TrainingRun(step, data, keys, step.Start(initial, keys.Dropout), 0);

    /// <summary>A run continued after <paramref name="epoch"/> epochs: the next epoch is the one an uninterrupted run would take.</summary>
    public static Fin<TrainingRun> Resume(TrainingStep step, DeviceDataset data, Params parameters, OptimiserState optimiser, int epoch, TrainingKeys keys,
        LayerState? layerState = null) =>
        data.Rows == 0
            ? LanguageExt.Common.Error.New("no rows to train on")
            : step.Resume(parameters, optimiser, keys.Dropout, layerState).Map(state => new TrainingRun(step, data, keys, state, epoch));

    /// <summary>
    /// Runs the next epoch and returns its mean batch loss, or an error naming the epoch when the run diverged:
    /// a non-finite loss, or non-finite parameters after the last update (which the losses, measured before
    /// each update, cannot show). A diverged run stays diverged; its caller keeps what it saved before.
    /// </summary>
    public Fin<double> NextEpoch()
    {
        Epoch++;
        for (var i = 0; i < order.Length; i++) order[i] = i;
        if (batchSize < data.Rows) keys.Shuffle(Epoch).Permutation(order);
        (state, var meanLoss) = step.RunEpoch(state, data, order, batchSize);
        if (!double.IsFinite(meanLoss)) return LanguageExt.Common.Error.New($"epoch {Epoch}: the loss became {meanLoss}; the run diverged");
        if (!step.ParametersAreFinite(state)) return LanguageExt.Common.Error.New($"epoch {Epoch}: the parameters became non-finite after the update; the run diverged");
        return meanLoss;
    }

    /// <summary>Loss and accuracy of the current parameters on data uploaded with the step (evaluation mode).</summary>
    public Evaluation Evaluate(DeviceDataset set) => step.Evaluate(state, set);

    /// <summary>An immutable copy of the current parameters.</summary>
    public Params Parameters() => step.Freeze(state);

    /// <summary>An immutable copy of the layers' current state (running statistics).</summary>
    public LayerState State() => step.FreezeState(state);

    /// <summary>Immutable copies of the parameters, the optimiser state and the layers' state (for checkpoints).</summary>
    public (Params Parameters, OptimiserState Optimiser, LayerState State) Snapshot() => step.Snapshot(state);
}
