using Pure.Core.Backends;

namespace Pure.Core.Layers;

/// <summary>
/// Layers one after another, itself a layer. Its workspace holds the intermediate outputs (kept for the
/// backward pass), two ping-pong gradient buffers, then each child's own workspace. Child i gets the key
/// <c>rng.Fold(i)</c>, so a dropout's mask never depends on how many numbers another layer drew.
/// </summary>
sealed class SerialLayer : LayerPlan
{
    readonly LayerPlan[] layers;
    readonly int[] paramOffsets, paramCounts, stateOffsets, stateCounts;
    // Per-row offsets of the intermediate outputs, their total, and the widest one: fixed at planning so a
    // pass computes its views without allocating.
    readonly int[] activationOffsets;
    readonly int activationsPerRow, maxInnerWidth;

    public SerialLayer(string name, LayerPlan[] layers) : base(name, layers[0].InputWidth, layers[^1].OutputWidth)
    {
        this.layers = layers;
        paramOffsets = new int[layers.Length];
        paramCounts = layers.Select(l => l.ParamCount).ToArray();
        stateOffsets = new int[layers.Length];
        stateCounts = layers.Select(l => l.StateCount).ToArray();
        var states = new List<StateSpec>();
        for (int i = 0, offset = 0; i < layers.Length; offset += stateCounts[i], i++)
        {
            stateOffsets[i] = offset;
            states.AddRange(layers[i].State.Select(s => s.Prefixed(i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }
        State = states;
        activationOffsets = new int[layers.Length];
        var specs = new List<ParamSpec>();
        for (int i = 0, offset = 0, acts = 0; i < layers.Length; offset += paramCounts[i], i++)
        {
            paramOffsets[i] = offset;
            activationOffsets[i] = acts;
            if (i < layers.Length - 1) acts += layers[i].OutputWidth;
            activationsPerRow = acts;
            specs.AddRange(layers[i].Params.Select(p => p.Prefixed(i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }
        maxInnerWidth = layers.Length == 1 ? 0 : layers[..^1].Max(l => l.OutputWidth);
        Params = specs;
    }

    public override IReadOnlyList<ParamSpec> Params { get; }
    public override IReadOnlyList<StateSpec> State { get; }
    public override IReadOnlyList<LayerPlan> Children => layers;

    public override int WorkspaceLength(int rows)
    {
        var total = checked(rows * (activationsPerRow + 2 * maxInnerWidth));
        foreach (var l in layers) total = checked(total + l.WorkspaceLength(rows));
        return total;
    }

    /// <summary>Where intermediate output i (the output of layer i, i &lt; L−1) lives in the workspace.</summary>
    View<T> Activation<T>(View<T> workspace, int rows, int i) =>
        workspace.Slice(rows * activationOffsets[i], rows * layers[i].OutputWidth);

    View<T> Delta<T>(View<T> workspace, int rows, int which, int width) =>
        workspace.Slice(rows * (activationsPerRow + which * maxInnerWidth), rows * width);

    View<T> ChildWorkspace<T>(View<T> workspace, int rows, int i)
    {
        var offset = rows * (activationsPerRow + 2 * maxInnerWidth);
        for (var j = 0; j < i; j++) offset += layers[j].WorkspaceLength(rows);
        return workspace.Slice(offset, layers[i].WorkspaceLength(rows));
    }

    View<T> ChildParams<T>(View<T> all, int i) => all.Buffer is null ? all : all.Slice(paramOffsets[i], paramCounts[i]);

    View<T> ChildState<T>(View<T> all, int i) => all.Buffer is null ? all : all.Slice(stateOffsets[i], stateCounts[i]);

    public override void Forward<T>(IBackend<T> backend, in ForwardPass<T> pass)
    {
        for (var i = 0; i < layers.Length; i++)
        {
            var input = i == 0 ? pass.Input : Activation(pass.Workspace, pass.Rows, i - 1);
            var output = i == layers.Length - 1 ? pass.Output : Activation(pass.Workspace, pass.Rows, i);
            var child = new ForwardPass<T>(pass.Rows, input, output, ChildParams(pass.Params, i), ChildWorkspace(pass.Workspace, pass.Rows, i), pass.Mode, pass.Rng.Fold((ulong)i),
                ChildState(pass.State, i));
            if (FusesWithNext(i))
            {
                // a dense layer with a bias, then an activation: one pass writes both outputs, which the backward reads as before
                ((DenseLayer)layers[i]).ForwardThen(backend, child, ((ActivationLayer)layers[i + 1]).Function,
                    i + 1 == layers.Length - 1 ? pass.Output : Activation(pass.Workspace, pass.Rows, i + 1));
                i++;
            }
            else layers[i].Forward(backend, child);
        }
    }

    bool FusesWithNext(int i) => i + 1 < layers.Length && layers[i] is DenseLayer { HasBias: true } && layers[i + 1] is ActivationLayer;

    public override void Backward<T>(IBackend<T> backend, in BackwardPass<T> pass)
    {
        for (var i = layers.Length - 1; i >= 0; i--)
        {
            var input = i == 0 ? pass.Input : Activation(pass.Workspace, pass.Rows, i - 1);
            var output = i == layers.Length - 1 ? pass.Output : Activation(pass.Workspace, pass.Rows, i);
            var upstream = i == layers.Length - 1 ? pass.OutputGradient : Delta(pass.Workspace, pass.Rows, (i + 1) % 2, layers[i].OutputWidth);
            var downstream = i == 0 ? pass.InputGradient : Delta(pass.Workspace, pass.Rows, i % 2, layers[i].InputWidth);
            layers[i].Backward(backend, new BackwardPass<T>(pass.Rows, input, output, upstream, downstream,
                ChildParams(pass.Params, i), ChildParams(pass.ParamGradients, i), ChildWorkspace(pass.Workspace, pass.Rows, i), pass.Mode, ChildState(pass.State, i)));
        }
    }
}
