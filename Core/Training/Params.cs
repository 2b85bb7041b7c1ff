namespace Pure.Core.Training;

/// <summary>
/// An immutable parameter vector with its layout (also used for gradients). Reading is by span; every
/// "change" makes a new value.
/// </summary>
public sealed class Params : FlatValues
{
    Params(ParamLayout layout, float[] values) : base(values) => Layout = layout;

    /// <summary>Where each parameter lies in the flat vector.</summary>
    public ParamLayout Layout { get; }

    /// <summary>The values of one parameter, row-major.</summary>
    public ReadOnlySpan<float> this[ParamSegment segment] => Window(segment.Offset, segment.Length);

    /// <summary>Wraps a freshly filled array the caller gives up (no copy).</summary>
    internal static Params Own(ParamLayout layout, float[] values)
    {
        if (values.Length != layout.Length) throw new ArgumentException($"parameter vector of {values.Length}, layout needs {layout.Length}");
        return new Params(layout, values);
    }

    /// <summary>A copy of <paramref name="values"/> with the given layout; the lengths must agree.</summary>
    public static LanguageExt.Fin<Params> From(ParamLayout layout, ReadOnlySpan<float> values) =>
        values.Length == layout.Length
            ? new Params(layout, values.ToArray())
            : LanguageExt.Common.Error.New($"the network has {layout.Length} parameters, got {values.Length}");
}
