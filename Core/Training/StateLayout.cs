using Pure.Core.Layers;

namespace Pure.Core.Training;

/// <summary>One named segment of the flat state vector.</summary>
public sealed record StateSegment(string Name, int Offset, int Length, float Initial, float Minimum);

/// <summary>The layout of a network's state (running statistics) over one flat vector, as <see cref="ParamLayout"/> is for its parameters.</summary>
public sealed class StateLayout
{
    /// <summary>Lays <paramref name="specs"/> out back to back, in order.</summary>
    public StateLayout(IEnumerable<StateSpec> specs) =>
        (Segments, Length) = BackToBack.Lay(specs, s => s.Length, (s, offset) => new StateSegment(s.Name, offset, s.Length, s.Initial, s.Minimum));

    /// <summary>The segments in order, one per state vector.</summary>
    public IReadOnlyList<StateSegment> Segments { get; }
    /// <summary>The total number of state values.</summary>
    public int Length { get; }

    /// <summary>The state a fresh network starts with: each segment at its initial value.</summary>
    public float[] Initial()
    {
        var values = new float[Length];
        foreach (var s in Segments) values.AsSpan(s.Offset, s.Length).Fill(s.Initial);
        return values;
    }

    /// <summary>The segment called <paramref name="name"/>, if the layout has one.</summary>
    public LanguageExt.Option<StateSegment> Find(string name) => Segments.FirstOrDefault(s => s.Name == name) is { } segment ? segment : LanguageExt.Option<StateSegment>.None;
}
