using LanguageExt;
using LanguageExt.Common;
using Pure.Core.Backends;
using Pure.Core.Data;
using Pure.Core.Layers;
using Pure.Core.Losses;
using Pure.Core.Optimisers;
using Pure.Core.Tensors;

namespace Pure.Core.Training;

/// <summary>
/// A network, loss and optimiser compiled for a backend and a largest batch: one call of <see cref="Run"/> is
/// gather → forward → loss → backward → update, and from the outside behaves as the function
/// (state, batch) → (state′, loss). Inside it reuses buffers planned once here (activations, deltas,
/// gradients, optimiser moments), so a steady-state step allocates nothing.
/// </summary>
public sealed class TrainingStep : IDisposable
{
    readonly IBackend<float> backend;
    readonly DeviceBuffer<float> parameters, gradients, state, decay, statistics, inputs, targets, outputs, outputGradient, workspace;
    int step = -1;
    DeviceBuffer<float>? batchLosses;
    float[] hostLosses = [];

    TrainingStep(Network network, Loss loss, Optimiser optimiser, IBackend<float> backend, int capacity)
    {
        Network = network;
        Loss = loss;
        Optimiser = optimiser;
        BatchCapacity = capacity;
        this.backend = backend;
        var p = Math.Max(1, network.Layout.Length);
        parameters = backend.Allocate(p);
        gradients = backend.Allocate(p);
        state = backend.Allocate(Math.Max(1, optimiser.StateSlots * network.Layout.Length));
        decay = backend.Allocate(p);
        backend.Upload(network.Layout.DecayMask(), decay.All.Slice(0, network.Layout.Length));
        statistics = backend.Allocate(Math.Max(1, network.StateLayout.Length));
        // checked: a workspace past 2³¹ elements must be an error, not a wrapped-around small buffer
        inputs = backend.Allocate(checked(capacity * network.InputWidth));
        targets = backend.Allocate(checked(capacity * network.OutputWidth));
        outputs = backend.Allocate(checked(capacity * network.OutputWidth));
        outputGradient = backend.Allocate(checked(capacity * network.OutputWidth));
        workspace = backend.Allocate(Math.Max(1, network.Plan.WorkspaceLength(capacity)));
    }

    /// <summary>The network it trains.</summary>
    public Network Network { get; }
    /// <summary>The loss it minimises.</summary>
    public Loss Loss { get; }
    /// <summary>The optimiser that updates the parameters.</summary>
    public Optimiser Optimiser { get; }
    /// <summary>The largest batch its buffers hold, in rows.</summary>
    public int BatchCapacity { get; }

    /// <summary>
    /// Plans the buffers for batches of up to <paramref name="batchCapacity"/> rows on <paramref name="backend"/>, or an
    /// error for a batch too small or too large, a loss that does not fit the output, or a bad rate or clipping norm.
    /// </summary>
    public static Fin<TrainingStep> Compile(Network network, Loss loss, Optimiser optimiser, IBackend<float> backend, int batchCapacity)
    {
        if (batchCapacity < 1) return Error.New($"batch size must be positive, got {batchCapacity}");
        if (batchCapacity < network.Plan.MinimumTrainingRows)
            return Error.New($"{network.Plan.Name} needs training batches of at least {network.Plan.MinimumTrainingRows} rows (a batch norm learns nothing from one row), got {batchCapacity}");
        if (loss.Kind == LossKind.SoftmaxCrossEntropy && network.OutputWidth < 2)
            return Error.New($"softmax cross-entropy needs at least 2 outputs, the last layer ({network.Plan.Name}) gives {network.OutputWidth}");
        if (!(optimiser.LearningRate > 0) || !double.IsFinite(optimiser.LearningRate))
            return Error.New($"learning rate must be a positive number, got {optimiser.LearningRate}");
        if (!(optimiser.L1 >= 0) || !double.IsFinite(optimiser.L1))
            return Error.New($"the L1 penalty must be a number ≥ 0, got {optimiser.L1}");
        if (optimiser.ClipNorm is { } clip && (!(clip > 0) || !double.IsFinite(clip) || clip > float.MaxValue))
            return Error.New($"the clipping norm must be a positive number, got {clip}");
        try
        {
            return new TrainingStep(network, loss, optimiser, backend, batchCapacity);
        }
        catch (OverflowException)
        {
            return Error.New($"a batch of {batchCapacity} through {network.Plan.Name} needs buffers larger than an array can hold; use a smaller --batch");
        }
    }

    /// <summary>
    /// The bytes a step compiled from these allocates on its backend: parameters, gradients, decay mask and
    /// optimiser slots, then the batch buffers and the workspace. Counted in long, so an absurd network or batch
    /// gives a large number (to refuse with) rather than an overflow.
    /// </summary>
    public static long BytesNeeded(Network network, Optimiser optimiser, int batchCapacity)
    {
        long parameters = network.Layout.Length, rows = Math.Max(1, batchCapacity);
        long workspace;
        try
        {
            workspace = network.Plan.WorkspaceLength(batchCapacity);
        }
        catch (OverflowException)
        {
            workspace = int.MaxValue;
        }
        return sizeof(float) * (parameters * (3 + optimiser.StateSlots) + network.StateLayout.Length + rows * (network.InputWidth + 3L * network.OutputWidth) + workspace);
    }

    /// <summary>
    /// Uploads <paramref name="initial"/> and the network's state (its initial one unless <paramref name="layerState"/>
    /// is given) and zeroes the optimiser state; any earlier state is consumed.
    /// </summary>
    public TrainState Start(Params initial, Rng rng, LayerState? layerState = null)
    {
        if (initial.Length != Network.Layout.Length)
            throw new ArgumentException($"parameters of length {initial.Length} for a network of {Network.Layout.Length}");
        var kept = layerState ?? Network.InitialState();
        if (kept.Length != Network.StateLayout.Length)
            throw new ArgumentException($"a state of length {kept.Length} for a network that keeps {Network.StateLayout.Length}");
        backend.Upload(initial.Values, Params);
        backend.Upload(kept.Values, Statistics);
        backend.Fill(0f, state.All);
        step = 0;
        return new TrainState(this, 0, rng);
    }

    /// <summary>
    /// Resumes: uploads parameters and an optimiser state saved by <see cref="Snapshot"/>, so the next step is
    /// exactly the one an uninterrupted run would have taken.
    /// </summary>
    public Fin<TrainState> Resume(Params parameters, OptimiserState optimiserState, Rng rng, LayerState? layerState = null)
    {
        var slots = Optimiser.StateSlots * Network.Layout.Length;
        if (parameters.Length != Network.Layout.Length)
            return Error.New($"the checkpoint has {parameters.Length} parameters, the network {Network.Layout.Length}");
        if (layerState is not null && layerState.Length != Network.StateLayout.Length)
            return Error.New($"the checkpoint keeps {layerState.Length} state values, the network {Network.StateLayout.Length}");
        if (optimiserState.Slots.Length != slots)
            return Error.New($"the checkpoint's optimiser state has {optimiserState.Slots.Length} values, {Optimiser.Kind} needs {slots}");
        var state = Start(parameters, rng, layerState);
        if (slots > 0) backend.Upload(optimiserState.Slots, this.state.All.Slice(0, slots));
        step = optimiserState.Step;
        return state with { Step = step };
    }

    /// <summary>Immutable copies of the parameters, the optimiser state and the layers' state (for checkpoints).</summary>
    public (Params Parameters, OptimiserState Optimiser, LayerState State) Snapshot(TrainState current)
    {
        var parameters = Freeze(current);
        var slots = new float[Optimiser.StateSlots * Network.Layout.Length];
        if (slots.Length > 0) backend.Download(state.All.Slice(0, slots.Length), slots);
        return (parameters, new OptimiserState(current.Step, slots), FreezeState(current));
    }

    /// <summary>Checks a dataset fits this step: input width and target width.</summary>
    public Fin<DeviceDataset> Upload(Matrix features, Matrix targets) => Upload(FeatureRows.Of(features), targets);

    /// <summary>Rows written on the way (a split, standardised: <see cref="Standardiser.Rows"/>) with their dense targets.</summary>
    public Fin<DeviceDataset> Upload(FeatureRows features, Matrix targets) =>
        features.Width != Network.InputWidth
            ? Error.New($"the data has {features.Width} features, the network's first layer expects {Network.InputWidth}")
            : targets.Cols != Network.OutputWidth
                ? Error.New($"the targets have {targets.Cols} columns, the network's last layer ({Network.Plan.Name}) gives {Network.OutputWidth}")
                : DeviceDataset.Upload(backend, features, targets);

    /// <summary>
    /// Features with one class index per row, for softmax cross-entropy (one output per class): the targets
    /// stay one number per row and become one-hot a batch at a time.
    /// </summary>
    public Fin<DeviceDataset> UploadClasses(Matrix features, ReadOnlySpan<int> classes) => UploadClasses(FeatureRows.Of(features), classes);

    /// <summary><see cref="UploadClasses(Matrix, ReadOnlySpan{int})"/> of rows written on the way.</summary>
    public Fin<DeviceDataset> UploadClasses(FeatureRows features, ReadOnlySpan<int> classes) =>
        features.Width != Network.InputWidth
            ? Error.New($"the data has {features.Width} features, the network's first layer expects {Network.InputWidth}")
            : Loss.Kind != LossKind.SoftmaxCrossEntropy
                ? Error.New($"class-indexed targets go with softmax cross-entropy, not {Loss}")
                : DeviceDataset.UploadClasses(backend, features, classes, Network.OutputWidth);

    View<float> Params => parameters.All.Slice(0, Network.Layout.Length);

    View<float> Statistics => statistics.All.Slice(0, Network.StateLayout.Length);

    /// <summary>One step on the rows <paramref name="rows"/> of <paramref name="data"/>; returns the new state and the batch's mean loss before the update.</summary>
    public (TrainState State, float Loss) Run(TrainState current, DeviceDataset data, ReadOnlySpan<int> rows)
    {
        var slot = Losses(1).Slice(0, 1);
        current = Advance(current, data, rows, slot);
        Span<float> loss = stackalloc float[1];
        backend.Download(slot, loss);
        return (current, loss[0]);
    }

    /// <summary>
    /// One pass over <paramref name="order"/> (row indices, e.g. a permutation) in batches of
    /// <paramref name="batchSize"/> (the last may be smaller); returns the new state and the mean batch loss.
    /// Each batch's loss stays on the backend until the epoch ends, when all are read at once: the steps
    /// reach the backend one after another without waiting for an answer.
    /// </summary>
    public (TrainState State, double MeanLoss) RunEpoch(TrainState current, DeviceDataset data, ReadOnlySpan<int> order, int batchSize)
    {
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "must be at least 1");
        var batches = (order.Length + batchSize - 1) / batchSize;
        if (batches == 0) return (current, 0);
        var slots = Losses(batches);
        for (var b = 0; b < batches; b++)
        {
            var start = b * batchSize;
            current = Advance(current, data, order.Slice(start, Math.Min(batchSize, order.Length - start)), slots.Slice(b, 1));
        }
        var losses = hostLosses.AsSpan(0, batches);
        backend.Download(slots.Slice(0, batches), losses);
        var total = 0.0;
        foreach (var loss in losses) total += loss;
        return (current, total / batches);
    }

    /// <summary>A backend buffer for <paramref name="count"/> batch losses, grown (with its host twin) only when an epoch has more batches than before.</summary>
    View<float> Losses(int count)
    {
        if (batchLosses is null || batchLosses.Length < count)
        {
            batchLosses?.Dispose();
            batchLosses = backend.Allocate(count);
            hostLosses = new float[count];
        }
        return batchLosses.All;
    }

    TrainState Advance(TrainState current, DeviceDataset data, ReadOnlySpan<int> rows, View<float> lossSlot)
    {
        if (current.Owner != this || current.Step != step)
            throw new InvalidOperationException("this training state was consumed by an earlier step (use the state Run returned)");
        var n = rows.Length;
        if (n < 1 || n > BatchCapacity) throw new ArgumentOutOfRangeException(nameof(rows), $"batch of {n} rows, capacity {BatchCapacity}");
        int inW = Network.InputWidth, outW = Network.OutputWidth;
        if (data.InputWidth != inW || data.TargetWidth != outW)
            throw new ArgumentException($"the dataset is {data.InputWidth}→{data.TargetWidth} wide, this step {inW}→{outW} (upload it with this step's Upload)", nameof(data));
        var x = inputs.All.Slice(0, n * inW);
        var y = targets.All.Slice(0, n * outW);
        var o = outputs.All.Slice(0, n * outW);
        var dO = outputGradient.All.Slice(0, n * outW);
        backend.GatherRows(data.Features.All, inW, rows, x);
        data.GatherTargets(backend, rows, y);

        var key = current.Key.Fold((ulong)current.Step);
        var grads = gradients.All.Slice(0, Network.Layout.Length);
        Network.Plan.Forward(backend, new ForwardPass<float>(n, x, o, Params, workspace.All, Mode.Train, key, Statistics));
        backend.LossInto(Loss.Kind, o, y, n, outW, dO, lossSlot);
        Network.Plan.Backward(backend, new BackwardPass<float>(n, x, o, dO, default, Params, grads, workspace.All, Mode.Train, Statistics));
        if (Optimiser.L1 > 0) backend.AddL1Gradient(Params, decay.All.Slice(0, Network.Layout.Length), (float)Optimiser.L1, grads);
        if (Optimiser.ClipNorm is { } clip) backend.ClipByGlobalNorm(grads, (float)clip);
        var slots = Optimiser.StateSlots * Network.Layout.Length;
        backend.OptimiserStep(Optimiser.Rule(current.Step + 1), Params, grads, slots == 0 ? default : state.All.Slice(0, slots), decay.All.Slice(0, Network.Layout.Length));
        step = current.Step + 1;
        return current with { Step = step };
    }

    /// <summary>
    /// The mean loss and, for classification, the accuracy of the current parameters on <paramref name="data"/>
    /// in evaluation mode (no dropout). The data stays on the backend; only the two numbers come back.
    /// </summary>
    public Evaluation Evaluate(TrainState current, DeviceDataset data)
    {
        if (current.Owner != this || current.Step != step) throw new InvalidOperationException("this training state was consumed by an earlier step");
        return Evaluate(Params, Statistics, data);
    }

    /// <summary>The same for other parameters and state of this network (e.g. the best ones early stopping kept; the initial state unless given).</summary>
    public Evaluation Evaluate(Params parameters, DeviceDataset data, LayerState? layerState = null)
    {
        if (parameters.Length != Network.Layout.Length)
            throw new ArgumentException($"parameters of length {parameters.Length} for a network of {Network.Layout.Length}", nameof(parameters));
        var kept = layerState ?? Network.InitialState();
        if (kept.Length != Network.StateLayout.Length)
            throw new ArgumentException($"a state of length {kept.Length} for a network that keeps {Network.StateLayout.Length}", nameof(layerState));
        using var uploaded = backend.Allocate(Math.Max(1, parameters.Length));
        using var uploadedState = backend.Allocate(Math.Max(1, kept.Length));
        backend.Upload(parameters.Values, uploaded.All.Slice(0, parameters.Length));
        backend.Upload(kept.Values, uploadedState.All.Slice(0, kept.Length));
        return Evaluate(uploaded.All.Slice(0, parameters.Length), uploadedState.All.Slice(0, kept.Length), data);
    }

    /// <summary>
    /// In chunks of the step's own capacity, through its batch buffers (which hold nothing between steps): the
    /// memory is the step's, whatever the number of rows or classes. The mean loss is the row-weighted mean of
    /// the chunks' means, summed in double.
    /// </summary>
    Evaluation Evaluate(View<float> theta, View<float> kept, DeviceDataset data)
    {
        int inW = Network.InputWidth, outW = Network.OutputWidth, n = data.Rows;
        if (data.InputWidth != inW || data.TargetWidth != outW)
            throw new ArgumentException($"the dataset is {data.InputWidth}→{data.TargetWidth} wide, this step {inW}→{outW}", nameof(data));
        if (n == 0) return new Evaluation(0, Loss.IsClassification ? 0 : null);
        var rows = new int[Math.Min(BatchCapacity, n)];
        var (total, correct) = (0.0, 0L);
        for (var start = 0; start < n; start += BatchCapacity)
        {
            var count = Math.Min(BatchCapacity, n - start);
            for (var i = 0; i < count; i++) rows[i] = start + i;
            var (o, y) = (outputs.All.Slice(0, count * outW), targets.All.Slice(0, count * outW));
            Network.Plan.Forward(backend, new ForwardPass<float>(count, data.Features.All.Slice(start * inW, count * inW), o,
                theta, workspace.All, Mode.Evaluate, default, kept));
            data.GatherTargets(backend, rows.AsSpan(0, count), y);
            total += (double)backend.Loss(Loss.Kind, o, y, count, outW, default) * count;
            if (!Loss.IsClassification) continue;
            Predictions.ApplyLink(backend, Loss.Link, o, count, outW);
            correct += backend.CountCorrect(o, y, count, outW);
        }
        return new Evaluation(total / n, Loss.IsClassification ? (double)correct / n : null);
    }

    /// <summary>Whether every current parameter is finite, checked on the backend.</summary>
    public bool ParametersAreFinite(TrainState current)
    {
        if (current.Owner != this || current.Step != step) throw new InvalidOperationException("this training state was consumed by an earlier step");
        return backend.AllFinite(Params);
    }

    /// <summary>An immutable copy of the current parameters (for evaluation and saving).</summary>
    public Params Freeze(TrainState current)
    {
        if (current.Owner != this || current.Step != step) throw new InvalidOperationException("this training state was consumed by an earlier step");
        var values = new float[Network.Layout.Length];
        backend.Download(Params, values);
        return Training.Params.Own(Network.Layout, values);
    }

    /// <summary>An immutable copy of the layers' current state (running statistics).</summary>
    public LayerState FreezeState(TrainState current)
    {
        if (current.Owner != this || current.Step != step) throw new InvalidOperationException("this training state was consumed by an earlier step");
        var values = new float[Network.StateLayout.Length];
        backend.Download(Statistics, values);
        return LayerState.Own(Network.StateLayout, values);
    }

    /// <summary>Releases every buffer the step allocated on its backend.</summary>
    public void Dispose()
    {
        foreach (var b in new[] { parameters, gradients, state, decay, statistics, inputs, targets, outputs, outputGradient, workspace }) b.Dispose();
        batchLosses?.Dispose();
    }
}
