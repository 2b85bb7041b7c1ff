using Pure.Core.Layers;

namespace Pure.Core.Training;

/// <summary>One named, shaped segment of the flat parameter vector.</summary>
public sealed record ParamSegment(string Name, int Offset, int Rows, int Cols, ParamKind Kind)
{
    /// <summary>The number of elements, Rows × Cols.</summary>
    public int Length => Rows * Cols;
}

/// <summary>
/// The layout of a network's parameters over one flat vector (tinygrad's / Optax's idea): gradients and
/// optimiser state share it, an optimiser step is a few whole-vector kernels, finite differences walk one
/// array, and "do not decay biases" is a mask built from the segments' kinds.
/// </summary>
public sealed class ParamLayout
{
    /// <summary>Lays <paramref name="specs"/> out back to back, in order.</summary>
    public ParamLayout(IEnumerable<ParamSpec> specs) =>
        (Segments, Length) = BackToBack.Lay(specs, s => s.Length, (s, offset) => new ParamSegment(s.Name, offset, s.Rows, s.Cols, s.Kind));

    /// <summary>The segments in order, one per parameter.</summary>
    public IReadOnlyList<ParamSegment> Segments { get; }
    /// <summary>The total number of parameters.</summary>
    public int Length { get; }

    /// <summary>1 where weight decay and L2 apply (weights), 0 elsewhere (biases, slopes).</summary>
    public float[] DecayMask()
    {
        var mask = new float[Length];
        foreach (var s in Segments.Where(s => s.Kind == ParamKind.Weight)) mask.AsSpan(s.Offset, s.Length).Fill(1);
        return mask;
    }

    /// <summary>The segment called <paramref name="name"/>, if the layout has one.</summary>
    public LanguageExt.Option<ParamSegment> Find(string name) => Segments.FirstOrDefault(s => s.Name == name) is { } segment ? segment : LanguageExt.Option<ParamSegment>.None;

    /// <summary>The segment called <paramref name="name"/>; asking for one the layout lacks is a bug.</summary>
    public ParamSegment this[string name] =>
        Segments.FirstOrDefault(s => s.Name == name) ?? throw new KeyNotFoundException($"no parameter '{name}' (the layout has {string.Join(", ", Segments.Select(s => s.Name))})");
}
