namespace Pure.Core.Training;

/// <summary>
/// A network's state (running statistics) as an immutable value with its layout: what a training step returns
/// beside the parameters, what evaluation reads, and what model files and checkpoints keep.
/// </summary>
public sealed class LayerState : FlatValues
{
    LayerState(StateLayout layout, float[] values) : base(values) => Layout = layout;

    /// <summary>Where each layer's state vectors lie in the flat vector.</summary>
    public StateLayout Layout { get; }

    /// <summary>The values of one state vector.</summary>
    public ReadOnlySpan<float> this[StateSegment segment] => Window(segment.Offset, segment.Length);

    /// <summary>The state a fresh network of this layout starts with.</summary>
    public static LayerState Initial(StateLayout layout) => new(layout, layout.Initial());

    /// <summary>Wraps a freshly filled array the caller gives up (no copy).</summary>
    internal static LayerState Own(StateLayout layout, float[] values)
    {
        if (values.Length != layout.Length) throw new ArgumentException($"state vector of {values.Length}, layout needs {layout.Length}");
        return new LayerState(layout, values);
    }

    /// <summary>A copy of <paramref name="values"/> with the given layout; the lengths must agree.</summary>
    public static LanguageExt.Fin<LayerState> From(StateLayout layout, ReadOnlySpan<float> values) =>
        values.Length == layout.Length
            ? new LayerState(layout, values.ToArray())
            : LanguageExt.Common.Error.New($"the network keeps {layout.Length} state values, got {values.Length}");
}
