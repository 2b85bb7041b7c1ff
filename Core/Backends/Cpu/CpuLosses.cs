using System.Numerics;
using Pure.Core.Activations;
using Pure.Core.Losses;

namespace Pure.Core.Backends.Cpu;

/// <summary>Loss kernels: the mean loss and, fused into the same pass, the gradient of that mean.</summary>
static class CpuLosses
{
    /// <summary>BCE on probabilities as PyTorch has it: log p and log(1 − p) clamped below at −100, and the gradient's denominator at 1e-12.</summary>
    const double LogFloor = -100, GradientEpsilon = 1e-12;

    public static T Compute<T>(LossKind kind, ReadOnlySpan<T> o, ReadOnlySpan<T> y, int rows, int cols, Span<T> g)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var n = rows * cols;
        var wantGradient = !g.IsEmpty;
        var total = 0.0; // accumulate in double: a float sum over 60 000 rows loses digits
        switch (kind)
        {
            case LossKind.MeanSquaredError:
            {
                var scale = T.CreateTruncating(2.0 / n);
                for (var i = 0; i < n; i++)
                {
                    var d = o[i] - y[i];
                    total += double.CreateTruncating(d * d);
                    if (wantGradient) g[i] = scale * d;
                }
                return T.CreateTruncating(total / n);
            }
            case LossKind.BinaryCrossEntropy:
            {
                // PyTorch's BCELoss: each log clamped at −100, the gradient (p − y)/max(p(1 − p), 1e-12) — the loss's own
                // derivative wherever the logs are not clamped, so a confidently wrong p still learns at full strength
                var (floor, tiny) = (T.CreateTruncating(LogFloor), T.CreateTruncating(GradientEpsilon));
                var inv = T.CreateTruncating(1.0 / n);
                for (var i = 0; i < n; i++)
                {
                    var p = T.Clamp(o[i], T.Zero, T.One);
                    total -= double.CreateTruncating(y[i] * T.Max(T.Log(p), floor) + (T.One - y[i]) * T.Max(Scalar.Log1P(-p), floor));
                    if (wantGradient) g[i] = inv * (p - y[i]) / T.Max(p * (T.One - p), tiny);
                }
                return T.CreateTruncating(total / n);
            }
            case LossKind.BceWithLogits:
            {
                var inv = T.CreateTruncating(1.0 / n);
                for (var i = 0; i < n; i++)
                {
                    var z = o[i];
                    // max(z, 0) − z·y + log(1 + e^(−|z|)); gradient σ(z) − y
                    total += double.CreateTruncating(T.Max(z, T.Zero) - z * y[i] + Scalar.Log1P(T.Exp(-T.Abs(z))));
                    // σ(z) − y as (1 − y)·σ(z) − y·σ(−z): the same number, without σ(z) rounding to 1 for a confident z
                    if (wantGradient) g[i] = inv * ((T.One - y[i]) * Scalar.Sigmoid(z) - y[i] * Scalar.Sigmoid(-z));
                }
                return T.CreateTruncating(total / n);
            }
            case LossKind.SoftmaxCrossEntropy:
            {
                var inv = T.CreateTruncating(1.0 / rows);
                for (var r = 0; r < rows; r++)
                {
                    var z = o.Slice(r * cols, cols);
                    var t = y.Slice(r * cols, cols);
                    var top = 0;
                    for (var c = 1; c < cols; c++) if (z[c] > z[top]) top = c;
                    var max = z[top];
                    // Σ e^(z − max) = 1 + rest, the 1 being the largest logit's own term: log1p(rest) keeps a confident
                    // row's small loss, which max + log(sum) − z_c and log(1 + rest) both round away
                    var rest = T.Zero;
                    for (var c = 0; c < cols; c++) if (c != top) rest += T.Exp(z[c] - max);
                    var sum = T.One + rest;
                    var logSum = Scalar.Log1P(rest);
                    // Σ_c y_c·(log Σ e^(z − max) − (z_c − max)); the gradient is p·Σy − y with p = e^(z − max)/sum (p − y for a one-hot row)
                    var mass = T.Zero;
                    for (var c = 0; c < cols; c++)
                    {
                        if (t[c] != T.Zero) total += double.CreateTruncating(t[c] * (logSum - (z[c] - max)));
                        mass += t[c];
                    }
                    if (!wantGradient) continue;
                    var gr = g.Slice(r * cols, cols);
                    for (var c = 0; c < cols; c++) gr[c] = inv * (T.Exp(z[c] - max) / sum * mass - t[c]);
                    // the largest logit's p·Σy − y as (Σy − y − y·rest)/sum: 1/sum − 1 would cancel to a rounding of 1
                    gr[top] = inv * ((mass - t[top] - t[top] * rest) / sum);
                }
                return T.CreateTruncating(total / rows);
            }
            default: throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown loss");
        }
    }
}
