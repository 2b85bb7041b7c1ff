using System.Numerics;

namespace Pure.Core.Backends.Cpu;

/// <summary>
/// Layer and batch normalisation's kernels (<see cref="IBackend{T}.NormalizeForward"/> and the rest) on host
/// spans: a group is a row (<see cref="NormAxis.PerRow"/>) or a column (<see cref="NormAxis.PerColumn"/>) of the
/// row-major batch, walked with a stride; means and sums are taken in double, in index order, so the result does
/// not depend on threads or vector width.
/// </summary>
static class CpuNormalisation
{
    /// <summary>The groups, their size, and how to step from a group to its first element and along it.</summary>
    static (int Groups, int Size, int GroupStride, int Step) Shape(NormAxis axis, int rows, int cols) =>
        axis == NormAxis.PerRow ? (rows, cols, cols, 1) : (cols, rows, 1, cols);

    public static void Forward<T>(NormAxis axis, bool fromBatch, ReadOnlySpan<T> x, int rows, int cols, T epsilon, ReadOnlySpan<T> gamma,
        ReadOnlySpan<T> beta, Span<T> mean, Span<T> variance, Span<T> normalised, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (groups, size, groupStride, step) = Shape(axis, rows, cols);
        for (var g = 0; g < groups; g++)
        {
            var first = g * groupStride;
            if (fromBatch)
            {
                double sum = 0;
                for (var i = 0; i < size; i++) sum += double.CreateTruncating(x[first + i * step]);
                var mu = size == 0 ? 0 : sum / size;
                double squares = 0;
                for (var i = 0; i < size; i++)
                {
                    var d = double.CreateTruncating(x[first + i * step]) - mu;
                    squares += d * d;
                }
                mean[g] = T.CreateTruncating(mu);
                variance[g] = T.CreateTruncating(size == 0 ? 0 : squares / size);
            }
            var m = mean[g];
            var inverse = T.One / T.Sqrt(variance[g] + epsilon);
            for (var i = 0; i < size; i++)
            {
                var e = first + i * step;
                var c = e % cols;
                var h = (x[e] - m) * inverse;
                normalised[e] = h;
                y[e] = h * gamma[c] + beta[c];
            }
        }
    }

    public static void Backward<T>(NormAxis axis, bool fromBatch, ReadOnlySpan<T> normalised, ReadOnlySpan<T> variance, int rows, int cols, T epsilon,
        ReadOnlySpan<T> gamma, ReadOnlySpan<T> dy, Span<T> dx, Span<T> dGamma, Span<T> dBeta) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (var c = 0; c < cols; c++)
        {
            double g = 0, b = 0;
            for (var r = 0; r < rows; r++)
            {
                var e = r * cols + c;
                g += double.CreateTruncating(dy[e]) * double.CreateTruncating(normalised[e]);
                b += double.CreateTruncating(dy[e]);
            }
            dGamma[c] = T.CreateTruncating(g);
            dBeta[c] = T.CreateTruncating(b);
        }
        if (dx.IsEmpty) return;
        var (groups, size, groupStride, step) = Shape(axis, rows, cols);
        for (var k = 0; k < groups; k++)
        {
            var first = k * groupStride;
            var inverse = T.One / T.Sqrt(variance[k] + epsilon);
            T meanG = T.Zero, meanGh = T.Zero;
            if (fromBatch && size > 0)
            {
                double sumG = 0, sumGh = 0;
                for (var i = 0; i < size; i++)
                {
                    var e = first + i * step;
                    var gi = double.CreateTruncating(dy[e]) * double.CreateTruncating(gamma[e % cols]);
                    sumG += gi;
                    sumGh += gi * double.CreateTruncating(normalised[e]);
                }
                (meanG, meanGh) = (T.CreateTruncating(sumG / size), T.CreateTruncating(sumGh / size));
            }
            for (var i = 0; i < size; i++)
            {
                var e = first + i * step;
                var gi = dy[e] * gamma[e % cols];
                dx[e] = fromBatch ? (gi - meanG - normalised[e] * meanGh) * inverse : gi * inverse;
            }
        }
    }

    public static void UpdateRunning<T>(ReadOnlySpan<T> mean, ReadOnlySpan<T> variance, int count, T momentum, Span<T> runningMean, Span<T> runningVariance)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (count < 2) return;
        var keep = T.One - momentum;
        var unbiased = T.CreateTruncating(count) / T.CreateTruncating(count - 1);
        for (var c = 0; c < runningMean.Length; c++)
        {
            runningMean[c] = keep * runningMean[c] + momentum * mean[c];
            runningVariance[c] = keep * runningVariance[c] + momentum * (variance[c] * unbiased);
        }
    }

    public static void ClipByGlobalNorm<T>(Span<T> gradients, T maxNorm) where T : unmanaged, IFloatingPointIeee754<T>
    {
        double squares = 0;
        foreach (var g in gradients)
        {
            var v = double.CreateTruncating(g);
            squares += v * v;
        }
        var norm = Math.Sqrt(squares) + 1e-6;
        var max = double.CreateTruncating(maxNorm);
        // NaN or ∞ in the gradient: scaling cannot repair it, and the divergence check after the update reports it
        if (norm <= max || !double.IsFinite(norm)) return;
        var scale = T.CreateTruncating(max / norm);
        if (scale == T.One) return;
        for (var i = 0; i < gradients.Length; i++) gradients[i] *= scale;
    }
}
