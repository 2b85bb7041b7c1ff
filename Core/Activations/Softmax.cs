using System.Numerics;

namespace Pure.Core.Activations;

/// <summary>
/// softmax(z/T)ᵢ = e^((zᵢ − max z)/T) / Σⱼ e^((zⱼ − max z)/T). Subtracting the max keeps e^x ≤ 1, so
/// [1000, 1000] gives [0.5, 0.5] (TensorPrimitives.SoftMax does not subtract it and returns NaN there).
/// T &lt; 1 sharpens the distribution, T &gt; 1 flattens it.
/// </summary>
public static class Softmax
{
    /// <summary>Writes softmax(z/T) of <paramref name="logits"/> at temperature <paramref name="temperature"/> into <paramref name="destination"/>, which may be the same span.</summary>
    public static void Apply<T>(ReadOnlySpan<T> logits, T temperature, Span<T> destination) where T : IFloatingPointIeee754<T>
    {
        if (logits.IsEmpty) return;
        var max = logits[0];
        foreach (var v in logits) max = T.Max(max, v);
        var sum = T.Zero;
        for (var i = 0; i < logits.Length; i++)
        {
            destination[i] = T.Exp((logits[i] - max) / temperature);
            sum += destination[i];
        }
        for (var i = 0; i < logits.Length; i++) destination[i] /= sum;
    }

    /// <summary>log softmax(z) = z − max − log Σ e^(z − max): finite for any finite logits.</summary>
    public static void LogApply<T>(ReadOnlySpan<T> logits, Span<T> destination) where T : IFloatingPointIeee754<T>
    {
        if (logits.IsEmpty) return;
        var max = logits[0];
        foreach (var v in logits) max = T.Max(max, v);
        var sum = T.Zero;
        foreach (var v in logits) sum += T.Exp(v - max);
        var log = T.Log(sum);
        for (var i = 0; i < logits.Length; i++) destination[i] = logits[i] - max - log;
    }

    /// <summary>A new array with softmax(z/T).</summary>
    public static T[] Of<T>(ReadOnlySpan<T> logits, T temperature) where T : IFloatingPointIeee754<T>
    {
        var result = new T[logits.Length];
        Apply(logits, temperature, result);
        return result;
    }
}
