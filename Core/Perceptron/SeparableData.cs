using Pure.Core.Data;
using Pure.Core.Tensors;

namespace Pure.Core.Perceptron;

/// <summary>
/// Linearly separable data with a planted separator: <see cref="Weights"/> and <see cref="Bias"/> form a unit
/// vector w̃* = (w*, b*) of the augmented space (‖w̃*‖ = 1), and every row satisfies yᵢ(w*·xᵢ + b*) ≥
/// <see cref="Margin"/> with yᵢ = ±1 — so Novikoff's theorem bounds the perceptron's mistakes by (R/γ*)².
/// </summary>
public sealed record SeparableData(Dataset Data, IReadOnlyList<double> Weights, double Bias, double Margin)
{
    /// <summary>
    /// <paramref name="n"/> points in <paramref name="dims"/> dimensions: a random direction v (‖v‖ = 1) and
    /// offset c ∈ [−½, ½] give the hyperplane v·x + c = 0, which crosses the box; w̃* = (v, c)/√(1 + c²). Points are
    /// drawn uniformly from [−1, 1]^dims, and one inside the band |w̃*·x̃| &lt; γ*, at distance s, is moved along v to
    /// distance 2γ* − s on its own side (a reflection across the band's edge: no rejection loop, and no pile of
    /// points on the edge). The label is 1 on the side w̃* points to, else 0.
    /// Bad arguments are programming errors, as for <see cref="Generators"/>.
    /// </summary>
    public static SeparableData WithMargin(int n, int dims, double margin, Rng rng)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(dims, 1);
        if (!(margin > 0 && double.IsFinite(margin)))
            throw new ArgumentOutOfRangeException(nameof(margin), margin, "must be a positive finite number");
        var (directionKey, rest) = rng.Split();
        var (offsetKey, pointKey) = rest.Split();

        var w = new double[dims];
        for (var j = 0; j < dims; j++) w[j] = directionKey.Normal((ulong)j);
        var length = Math.Sqrt(w.Sum(v => v * v));
        if (length == 0) (w[0], length) = (1, 1); // every normal exactly 0: not going to happen, but stay defined
        var c = offsetKey.Uniform(0) - 0.5;
        var scale = 1 / (length * Math.Sqrt(1 + c * c));
        for (var j = 0; j < dims; j++) w[j] *= scale;
        var b = c * length * scale;
        var w2 = 1 / (1 + c * c); // ‖w*‖²

        var features = new float[n * dims];
        var labels = new float[n];
        var x = new double[dims];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < dims; j++) x[j] = 2 * pointKey.Uniform((ulong)(i * dims + j)) - 1;
            var side = Distance(w, b, x) >= 0 ? 1 : -1;
            // Reflect a point in the band across its edge, s ↦ 2γ* − s, rather than push it onto the edge: points piled
            // on the edge would all be support vectors, a degenerate widest-margin problem. Should rounding to float
            // leave it in the band, it moves a little further.
            var target = 2 * margin - side * Distance(w, b, x);
            for (var slack = 0.0; side * Distance(w, b, x) < margin; slack = 2 * slack + 1e-6 * (1 + margin))
            {
                var step = side * (target + slack - side * Distance(w, b, x)) / w2; // moving by t·w* changes w*·x by t‖w*‖²
                for (var j = 0; j < dims; j++) x[j] = (float)(x[j] + step * w[j]);
            }
            for (var j = 0; j < dims; j++) features[i * dims + j] = (float)x[j];
            labels[i] = side > 0 ? 1 : 0;
        }
        var data = Dataset.Create(Matrix.From(n, dims, features).ThrowIfFail(), Matrix.Column(labels)).ThrowIfFail();
        return new SeparableData(data, w, b, margin);
    }

    /// <summary>w·x + b for a point whose coordinates are already float values (so the check sees what is stored).</summary>
    static double Distance(double[] w, double b, double[] x)
    {
        var z = b;
        for (var j = 0; j < w.Length; j++) z += w[j] * (float)x[j];
        return z;
    }
}
