using System.Numerics;

namespace Pure.Core.Tensors;

/// <summary>
/// A seeded, splittable, counter-based random generator value (JAX's PRNG key idea over SplitMix64).
/// The n-th number of a key is <c>Mix(key + (n+1)·γ)</c>, so any element can be drawn independently of the
/// others: the same key gives the same numbers on every machine and in any order of evaluation.
/// </summary>
public readonly record struct Rng(ulong Key)
{
    const ulong Gamma = 0x9E3779B97F4A7C15UL;

    /// <summary>A key from a user seed (mixed, so seeds 0, 1, 2 give unrelated streams).</summary>
    public static Rng FromSeed(long seed) => new(Mix((ulong)seed ^ 0x5DEECE66DUL));

    /// <summary>SplitMix64's finaliser (Steele, Lea &amp; Flood 2014).</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Two independent keys; the parent should not be used again.</summary>
    public (Rng Left, Rng Right) Split() => (Fold(0x243F6A8885A308D3UL), Fold(0x13198A2E03707344UL));

    /// <summary>A key derived from this one and a piece of data (e.g. a step or layer index).</summary>
    public Rng Fold(ulong data) => new(Mix(Key ^ Mix(data + Gamma)));

    /// <summary>The n-th 64 random bits of this key.</summary>
    public ulong Bits(ulong n) => Mix(Key + (n + 1) * Gamma);

    /// <summary>The n-th uniform number in [0, 1) with 53 random bits.</summary>
    public double Uniform(ulong n) => (Bits(n) >> 11) * (1.0 / (1UL << 53));

    /// <summary>The n-th standard normal number (Box–Muller over the uniforms 2n and 2n+1).</summary>
    public double Normal(ulong n)
    {
        var u1 = 1.0 - Uniform(2 * n); // (0, 1]: log is finite
        var u2 = Uniform(2 * n + 1);
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>The n-th integer uniform in [0, bound) (Lemire's multiply-shift, bias below 2⁻³²).</summary>
    public int Below(ulong n, int bound)
    {
        if (bound <= 0) throw new ArgumentOutOfRangeException(nameof(bound));
        return (int)(((Bits(n) >> 32) * (ulong)bound) >> 32);
    }

    /// <summary>Writes U(lo, hi) numbers into <paramref name="destination"/>.</summary>
    public void FillUniform<T>(T lo, T hi, Span<T> destination) where T : IFloatingPointIeee754<T>
    {
        var width = hi - lo;
        for (var i = 0; i < destination.Length; i++)
            destination[i] = lo + width * T.CreateTruncating(Uniform((ulong)i));
    }

    /// <summary>Writes N(mean, std²) numbers into <paramref name="destination"/>.</summary>
    public void FillNormal<T>(T mean, T std, Span<T> destination) where T : IFloatingPointIeee754<T>
    {
        for (var i = 0; i < destination.Length; i++)
            destination[i] = mean + std * T.CreateTruncating(Normal((ulong)i));
    }

    /// <summary>A permutation of 0..n−1 (Fisher–Yates driven by this key).</summary>
    public int[] Permutation(int n)
    {
        var p = new int[n];
        Permutation(p);
        return p;
    }

    /// <summary>Writes a permutation of 0..n−1 into <paramref name="destination"/> (n = its length).</summary>
    public void Permutation(Span<int> destination)
    {
        for (var i = 0; i < destination.Length; i++) destination[i] = i;
        for (var i = destination.Length - 1; i > 0; i--)
        {
            var j = Below((ulong)i, i + 1);
            (destination[i], destination[j]) = (destination[j], destination[i]);
        }
    }
}
