using System.Numerics;

namespace Pure.Core.Activations;

/// <summary>Numerically stable scalar building blocks shared by the activation and loss kernels.</summary>
public static class Scalar
{
    /// <summary>√(2/π), the GELU tanh approximation's constant (Hendrycks &amp; Gimpel 2016).</summary>
    public const double GeluK = 0.79788456080286535588;

    /// <summary>σ(z) without overflow: e^(−|z|) never exceeds 1.</summary>
    public static T Sigmoid<T>(T z) where T : IFloatingPointIeee754<T>
    {
        var e = T.Exp(-T.Abs(z));
        return z >= T.Zero ? T.One / (T.One + e) : e / (T.One + e);
    }

    /// <summary>log(1 + e^z) = max(z, 0) + log1p(e^(−|z|)), finite for every finite z and exact in the far left tail (≈ e^z).</summary>
    public static T Softplus<T>(T z) where T : IFloatingPointIeee754<T> =>
        T.Max(z, T.Zero) + Log1P(T.Exp(-T.Abs(z)));

    /// <summary>
    /// log(1 + x) accurate for tiny x (.NET's LogP1 is log(x + 1), which loses x below the precision of 1):
    /// with u = 1 + x rounded, log(u)·x/(u − 1) cancels the rounding of u (Goldberg 1991, theorem 4).
    /// </summary>
    public static T Log1P<T>(T x) where T : IFloatingPointIeee754<T>
    {
        var u = T.One + x;
        return u == T.One ? x : T.IsPositiveInfinity(u) ? u : T.Log(u) * x / (u - T.One);
    }

    /// <summary>e^x − 1 accurate for tiny x (.NET's ExpM1 is exp(x) − 1): with u = e^x rounded, (u − 1)·x/log(u) (Kahan).</summary>
    public static T ExpM1<T>(T x) where T : IFloatingPointIeee754<T>
    {
        var u = T.Exp(x);
        if (u == T.One) return x;
        var um1 = u - T.One;
        return um1 == -T.One || T.IsPositiveInfinity(u) ? um1 : um1 * x / T.Log(u);
    }

    /// <summary>Φ(z) = ½·erfc(−z/√2), the standard normal CDF.</summary>
    public static double NormalCdf(double z) => 0.5 * Erf.Complement(-z / Math.Sqrt(2));

    /// <summary>φ(z) = e^(−z²/2)/√(2π).</summary>
    public static double NormalPdf(double z) => Math.Exp(-0.5 * z * z) / Math.Sqrt(2 * Math.PI);

    /// <summary>½z(1 + tanh u), u = √(2/π)(z + 0.044715z³): GELU's tanh approximation.</summary>
    public static double GeluTanh(double z) => 0.5 * z * (1 + Math.Tanh(GeluK * (z + 0.044715 * z * z * z)));

    /// <summary>d/dz of ½z(1 + tanh u), u = k(z + 0.044715z³): ½(1 + t) + ½z(1 − t²)·k(1 + 3·0.044715z²).</summary>
    public static double GeluTanhDerivative(double z)
    {
        var t = Math.Tanh(GeluK * (z + 0.044715 * z * z * z));
        return 0.5 * (1 + t) + 0.5 * z * (1 - t * t) * GeluK * (1 + 3 * 0.044715 * z * z);
    }
}
