using LanguageExt;
using LanguageExt.Common;
using Pure.Core.Data;

namespace Pure.Core.Perceptron;

/// <summary>
/// The quantities of Novikoff's bound, in double precision. Inputs are augmented with a constant 1 for the bias,
/// x̃ = (x, 1), unless the bias is left out (then x̃ = x and every hyperplane passes through the origin). Labels are
/// class indices 0/1 in a one-column target, read as y = −1/+1.
/// </summary>
public static class Separability
{
    /// <summary>R = maxᵢ ‖x̃ᵢ‖ (0 for no rows).</summary>
    public static double Radius(Dataset data, bool useBias = true)
    {
        ArgumentNullException.ThrowIfNull(data);
        var r2 = 0.0;
        for (var i = 0; i < data.Rows; i++)
        {
            var s = useBias ? 1.0 : 0.0;
            foreach (var v in data.Features.Row(i)) s += (double)v * v;
            r2 = Math.Max(r2, s);
        }
        return Math.Sqrt(r2);
    }

    /// <summary>
    /// γ = minᵢ yᵢ(w·xᵢ + b)/‖w̃‖ with w̃ = (w, b) (or w alone without a bias): the signed distance, in the augmented
    /// space, of the worst-placed example. Positive exactly when the hyperplane separates the classes; 0 for w̃ = 0.
    /// An error for labels other than 0/1, a weight count that is not the input width, or no rows.
    /// </summary>
    public static Fin<double> Margin(Dataset data, IReadOnlyList<double> weights, double bias, bool useBias = true)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(weights);
        var bad = Perceptron.Validate(data);
        if (bad is not null) return Error.New($"margin: {bad}");
        if (weights.Count != data.InputWidth)
            return Error.New($"margin: {weights.Count} weights for {data.InputWidth} input columns");
        return Perceptron.MarginOf(data, weights, useBias ? bias : 0);
    }

    /// <summary>R, and γ of the hyperplane (w, b): the bound (R/γ)² on the mistakes a zero start can make.</summary>
    public static Fin<NovikoffBound> Measure(Dataset data, IReadOnlyList<double> weights, double bias, bool useBias = true) =>
        Margin(data, weights, bias, useBias).Map(gamma => new NovikoffBound(Radius(data, useBias), gamma));

    /// <summary>
    /// The hyperplane with (close to) the widest margin in the augmented space — the best γ for Novikoff's bound.
    /// It solves the hard-margin problem min ½‖w̃‖² subject to yᵢ(w̃·x̃ᵢ) ≥ 1 through its dual, max D(α) = Σαᵢ −
    /// ½‖Σαᵢyᵢx̃ᵢ‖² over αᵢ ≥ 0, by coordinate ascent (Hsieh et al. 2008 with C = ∞; the bias lies inside w̃, so there
    /// is no equality constraint): αᵢ ← max(0, αᵢ + (1 − yᵢw̃·x̃ᵢ)/‖x̃ᵢ‖²), w̃ = Σαᵢyᵢx̃ᵢ. Weak duality gives
    /// D(α) ≤ 1/(2γ*²), so γ* ≤ 1/√(2D): it stops when the margin of the current w̃ is within a relative 1e-7 of that
    /// ceiling (or after <paramref name="sweeps"/> passes). Whatever it returns is a real hyperplane, so a bound from
    /// its exact <see cref="Margin"/> is valid; on data that are not separable that margin is not positive. The same
    /// errors as <see cref="Margin"/>.
    /// </summary>
    public static Fin<Hyperplane> WidestMargin(Dataset data, bool useBias = true, int sweeps = 10_000)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(sweeps, 1);
        var bad = Perceptron.Validate(data);
        if (bad is not null) return Error.New($"widest margin: {bad}");
        var (rows, width) = (data.Rows, data.InputWidth + 1);
        // yᵢx̃ᵢ as doubles, the constant last (0 without a bias, so that b stays 0), and ‖x̃ᵢ‖².
        var z = new double[rows * width];
        var q = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            var y = data.Targets[i, 0] == 1 ? 1.0 : -1.0;
            var x = data.Features.Row(i);
            for (var j = 0; j < x.Length; j++) z[i * width + j] = y * x[j];
            z[i * width + width - 1] = useBias ? y : 0;
            q[i] = Dot(z.AsSpan(i * width, width), z.AsSpan(i * width, width));
        }
        var alpha = new double[rows];
        var v = new double[width];
        for (var sweep = 0; sweep < sweeps; sweep++)
        {
            for (var i = 0; i < rows; i++)
            {
                if (q[i] == 0) continue; // x̃ = 0 (the origin, no bias): no hyperplane through 0 puts it strictly on a side
                var zi = z.AsSpan(i * width, width);
                var next = Math.Max(0, alpha[i] + (1 - Dot(v, zi)) / q[i]);
                var step = next - alpha[i];
                if (step == 0) continue;
                alpha[i] = next;
                for (var j = 0; j < width; j++) v[j] += step * zi[j];
            }
            var norm2 = Dot(v, v);
            var dual = alpha.Sum() - norm2 / 2;
            if (norm2 == 0 || dual <= 0) continue;
            var worst = double.PositiveInfinity;
            for (var i = 0; i < rows; i++) worst = Math.Min(worst, Dot(v, z.AsSpan(i * width, width)));
            if (worst / Math.Sqrt(norm2) >= (1 - 1e-7) / Math.Sqrt(2 * dual)) break;
        }
        return new Hyperplane(v[..^1], v[^1]);
    }

    static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var s = 0.0;
        for (var j = 0; j < a.Length; j++) s += a[j] * b[j];
        return s;
    }
}
