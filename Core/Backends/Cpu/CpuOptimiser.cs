using System.Numerics;
using Pure.Core.Optimisers;

namespace Pure.Core.Backends.Cpu;

/// <summary>Every optimiser's update as one pass over the flat parameter vector (see <see cref="Optimiser"/>).</summary>
static class CpuOptimiser
{
    public static void Step<T>(Optimiser o, int step, Span<T> theta, ReadOnlySpan<T> grad, Span<T> state, ReadOnlySpan<T> decay)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var n = theta.Length;
        var lr = T.CreateTruncating(o.LearningRate);
        var l2 = T.CreateTruncating(o.L2);
        switch (o.Kind)
        {
            case OptimiserKind.Sgd:
                for (var i = 0; i < n; i++) theta[i] -= lr * (grad[i] + l2 * decay[i] * theta[i]);
                break;
            case OptimiserKind.Momentum:
            case OptimiserKind.Nesterov:
            {
                var mu = T.CreateTruncating(o.Momentum);
                var nesterov = o.Kind == OptimiserKind.Nesterov;
                var v = state[..n];
                for (var i = 0; i < n; i++)
                {
                    var g = grad[i] + l2 * decay[i] * theta[i];
                    v[i] = mu * v[i] + g;
                    theta[i] -= lr * (nesterov ? g + mu * v[i] : v[i]);
                }
                break;
            }
            case OptimiserKind.Adam:
            case OptimiserKind.AdamW:
            {
                var b1 = T.CreateTruncating(o.Beta1);
                var b2 = T.CreateTruncating(o.Beta2);
                var eps = T.CreateTruncating(o.Epsilon);
                // bias corrections 1 − β^t in double: β₂^t for small t loses digits in float
                var c1 = T.CreateTruncating(1 - Math.Pow(o.Beta1, step));
                var c2 = T.CreateTruncating(1 - Math.Pow(o.Beta2, step));
                var decayRate = T.CreateTruncating(o.Kind == OptimiserKind.AdamW ? o.LearningRate * o.WeightDecay : 0);
                var m = state[..n];
                var v = state.Slice(n, n);
                for (var i = 0; i < n; i++)
                {
                    theta[i] -= decayRate * decay[i] * theta[i];
                    var g = grad[i] + l2 * decay[i] * theta[i];
                    m[i] = b1 * m[i] + (T.One - b1) * g;
                    v[i] = b2 * v[i] + (T.One - b2) * g * g;
                    theta[i] -= lr * (m[i] / c1) / (T.Sqrt(v[i] / c2) + eps);
                }
                break;
            }
            default: throw new ArgumentOutOfRangeException(nameof(o), o.Kind, "unknown optimiser");
        }
    }
}
