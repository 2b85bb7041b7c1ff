using LanguageExt;
using Pure.Core.Tensors;
using static LanguageExt.Prelude;

namespace Pure.Core.Perceptron;

/// <summary>
/// The weights (and bias) before the first example: all zeros, the classic start under which Novikoff's bound
/// holds, or U(−scale, scale) drawn from a key (the same key gives the same start).
/// </summary>
public sealed record PerceptronStart
{
    PerceptronStart(Option<Rng> key, double scale)
    {
        Key = key;
        Scale = scale;
    }

    /// <summary>The key of a random start; None for zeros.</summary>
    public Option<Rng> Key { get; }

    /// <summary>Half the width of the uniform interval a random start draws from (0 for zeros).</summary>
    public double Scale { get; }

    /// <summary>Whether this is the all-zeros start.</summary>
    public bool IsZeros => Key.IsNone;

    /// <summary>All weights and the bias 0.</summary>
    public static PerceptronStart Zeros { get; } = new(None, 0);

    /// <summary>Each weight, then the bias, drawn from U(−scale, scale) with <paramref name="key"/>.</summary>
    public static PerceptronStart Random(Rng key, double scale = 0.5) => new(Some(key), scale);

    /// <summary>The first <paramref name="count"/> values: weight i is the key's i-th uniform, the bias the next one.</summary>
    internal double[] Draw(int count)
    {
        var values = new double[count];
        var scale = Scale;
        Key.IfSome(k =>
        {
            for (var i = 0; i < count; i++) values[i] = scale * (2 * k.Uniform((ulong)i) - 1);
        });
        return values;
    }

    /// <inheritdoc/>
    public override string ToString() => Key.Match(k => FormattableString.Invariant($"random U(−{Scale:G4}, {Scale:G4}) key {k.Key:X}"), () => "zeros");
}
