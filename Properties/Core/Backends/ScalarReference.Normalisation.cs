using Pure.Core.Backends;

namespace Pure.Properties;

/// <summary>Normalisation and clipping, in double, from <see cref="IBackend{T}"/>'s doc comments.</summary>
public static partial class ScalarReference
{
    /// <summary>The elements of group k (a row or a column) in order.</summary>
    public static int[] Group(NormAxis axis, int rows, int cols, int k) =>
        axis == NormAxis.PerRow ? Enumerable.Range(0, cols).Select(c => k * cols + c).ToArray() : Enumerable.Range(0, rows).Select(r => r * cols + k).ToArray();

    public static (Expected[] Mean, Expected[] Variance, Expected[] Normalised, Expected[] Y) Normalize(NormAxis axis, double[] x, int rows, int cols,
        double epsilon, double[] gamma, double[] beta, double[]? givenMean, double[]? givenVariance)
    {
        var groups = axis == NormAxis.PerRow ? rows : cols;
        var (mean, variance) = (new Expected[groups], new Expected[groups]);
        var (h, y) = (new Expected[rows * cols], new Expected[rows * cols]);
        for (var k = 0; k < groups; k++)
        {
            var members = Group(axis, rows, cols, k);
            var mu = givenMean?[k] ?? (members.Length == 0 ? 0 : members.Average(e => x[e]));
            var v = givenVariance?[k] ?? (members.Length == 0 ? 0 : members.Average(e => (x[e] - mu) * (x[e] - mu)));
            mean[k] = new(mu, members.Length == 0 ? 0 : members.Average(e => Math.Abs(x[e])));
            variance[k] = new(v);
            var inverse = 1 / Math.Sqrt(v + epsilon);
            foreach (var e in members)
            {
                var c = e % cols;
                var value = (x[e] - mu) * inverse;
                var size = (Math.Abs(x[e]) + Math.Abs(mu)) * inverse;
                h[e] = new(value, size);
                y[e] = new(value * gamma[c] + beta[c], size * Math.Abs(gamma[c]) + Math.Abs(beta[c]));
            }
        }
        return (mean, variance, h, y);
    }

    public static (Expected[] Dx, Expected[] DGamma, Expected[] DBeta) NormalizeBackward(NormAxis axis, bool fromBatch, double[] h, double[] variance,
        int rows, int cols, double epsilon, double[] gamma, double[] dy)
    {
        var (dGamma, dBeta) = (new Expected[cols], new Expected[cols]);
        for (var c = 0; c < cols; c++)
        {
            var members = Group(NormAxis.PerColumn, rows, cols, c);
            dGamma[c] = new(members.Sum(e => dy[e] * h[e]), members.Sum(e => Math.Abs(dy[e] * h[e])));
            dBeta[c] = new(members.Sum(e => dy[e]), members.Sum(e => Math.Abs(dy[e])));
        }
        var dx = new Expected[rows * cols];
        var groups = axis == NormAxis.PerRow ? rows : cols;
        for (var k = 0; k < groups; k++)
        {
            var members = Group(axis, rows, cols, k);
            var inverse = 1 / Math.Sqrt(variance[k] + epsilon);
            double G(int e) => dy[e] * gamma[e % cols];
            var n = members.Length;
            var (meanG, meanGh) = fromBatch && n > 0 ? (members.Average(G), members.Average(e => G(e) * h[e])) : (0, 0);
            var (sizeG, sizeGh) = fromBatch && n > 0 ? (members.Average(e => Math.Abs(G(e))), members.Average(e => Math.Abs(G(e) * h[e]))) : (0, 0);
            foreach (var e in members)
                dx[e] = fromBatch
                    ? new((G(e) - meanG - h[e] * meanGh) * inverse, (Math.Abs(G(e)) + sizeG + Math.Abs(h[e]) * sizeGh) * inverse)
                    : new(G(e) * inverse, Math.Abs(G(e)) * inverse);
        }
        return (dx, dGamma, dBeta);
    }

    public static (Expected[] Mean, Expected[] Variance) RunningStatistics(double[] mean, double[] variance, int count, double momentum, double[] runningMean, double[] runningVariance)
    {
        if (count < 2) return (runningMean.Select(v => new Expected(v)).ToArray(), runningVariance.Select(v => new Expected(v)).ToArray());
        var unbiased = count / (count - 1.0);
        return (runningMean.Select((r, c) => new Expected((1 - momentum) * r + momentum * mean[c], Math.Abs((1 - momentum) * r) + Math.Abs(momentum * mean[c]))).ToArray(),
            runningVariance.Select((r, c) => new Expected((1 - momentum) * r + momentum * variance[c] * unbiased,
                Math.Abs((1 - momentum) * r) + Math.Abs(momentum * variance[c] * unbiased))).ToArray());
    }

    /// <summary>The clipped gradient, or null where it stays as it is (‖g‖ + 10⁻⁶ ≤ c).</summary>
    public static Expected[]? ClipByGlobalNorm(double[] g, double maxNorm)
    {
        var norm = Math.Sqrt(g.Sum(v => v * v)) + 1e-6;
        return norm <= maxNorm ? null : g.Select(v => new Expected(v * maxNorm / norm)).ToArray();
    }
}
