using System.Numerics;
using Pure.Core.Tensors;

namespace Pure.Core.Init;

/// <summary>
/// How a parameter tensor is filled at the start. <see cref="Scale"/> is the constant, the uniform bound,
/// the normal standard deviation, or a gain multiplying the fan-based schemes (PyTorch's <c>calculate_gain</c>
/// for Xavier: 1 linear/sigmoid, 5/3 tanh). He's schemes already contain ReLU's √2 (Var = 2/fan_in), so their
/// Scale is 1 for ReLU and 1/√(1+α²) for Leaky ReLU. For a (out, in) weight, fan_in = in and fan_out = out.
/// </summary>
public sealed record Initialiser(InitKind Kind, double Scale, string Name)
{
    /// <summary>Standard deviation of the distribution for the given fans (0 for a constant).</summary>
    public double StdDev(int fanIn, int fanOut) => Kind.StdDev(Scale, fanIn, fanOut);

    /// <summary>The half-width a of U(−a, a) for the uniform kinds (√3 standard deviations).</summary>
    public double Bound(int fanIn, int fanOut) => StdDev(fanIn, fanOut) * Math.Sqrt(3);

    /// <summary>Fills <paramref name="destination"/> from <paramref name="rng"/>: a pure function of its inputs.</summary>
    public void Fill<T>(Rng rng, int fanIn, int fanOut, Span<T> destination) where T : IFloatingPointIeee754<T>
    {
        if (Kind == InitKind.Constant)
        {
            destination.Fill(T.CreateTruncating(Scale));
            return;
        }
        if (Kind.IsUniform)
        {
            var a = T.CreateTruncating(Bound(fanIn, fanOut));
            rng.FillUniform(-a, a, destination);
        }
        else rng.FillNormal(T.Zero, T.CreateTruncating(StdDev(fanIn, fanOut)), destination);
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
