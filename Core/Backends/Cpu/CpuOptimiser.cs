using System.Collections.Frozen;
using System.Numerics;
using System.Runtime.Intrinsics;

namespace Pure.Core.Backends.Cpu;

/// <summary>
/// Every optimiser's update as one pass over the flat parameter vector, by <see cref="UpdateRule.Kernel"/>
/// (the rules are written out, in double, in <c>Optimisers/OptimiserKind.cs</c>). Adding an optimiser is one
/// entry here beside its definition.
/// </summary>
static class CpuOptimiser
{
    static readonly FrozenDictionary<string, CpuUpdateKernel> Kernels = new Dictionary<string, CpuUpdateKernel>
    {
        ["sgd"] = new SgdKernel(),
        ["momentum"] = new HeavyBallKernel(nesterov: false),
        ["nesterov"] = new HeavyBallKernel(nesterov: true),
        ["adam"] = new AdamKernel(decoupled: false),
        ["adamw"] = new AdamKernel(decoupled: true),
        ["rmsprop"] = new RmsPropKernel(),
        ["adagrad"] = new AdagradKernel(),
    }.ToFrozenDictionary();

    /// <summary>Checks the state is large enough (slots × n) and returns the rule's kernel.</summary>
    public static CpuUpdateKernel Kernel<T>(UpdateRule rule, int n, ReadOnlySpan<T> state)
    {
        if (!Kernels.TryGetValue(rule.Kernel, out var kernel)) throw new NotSupportedException($"the CPU backend has no update kernel '{rule.Kernel}'");
        if (state.Length < rule.StateSlots * n)
            throw new ArgumentException($"{rule.Kernel} needs {rule.StateSlots * n} state values, got {state.Length}");
        return kernel;
    }

    /// <summary>
    /// Elements [start, start + count) of the update: every kernel is elementwise (slot s of element i at
    /// state[s·n + i]), so any cut into ranges gives the bits of the whole.
    /// </summary>
    public static void StepRange<T>(CpuUpdateKernel kernel, UpdateRule rule, Span<T> theta, ReadOnlySpan<T> grad, Span<T> state, ReadOnlySpan<T> decay, int start, int count)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        kernel.Step(rule, theta.Slice(start, count), grad.Slice(start, count), rule.StateSlots == 0 ? default : state[start..], theta.Length, decay.Slice(start, count));

    sealed class SgdKernel : CpuUpdateKernel
    {
        public override void Step<T>(UpdateRule r, Span<T> theta, ReadOnlySpan<T> grad, Span<T> state, int stride, ReadOnlySpan<T> decay)
        {
            var (lr, l2) = (T.CreateTruncating(r.LearningRate), T.CreateTruncating(r.L2));
            for (var i = 0; i < theta.Length; i++) theta[i] -= lr * (grad[i] + l2 * decay[i] * theta[i]);
        }
    }

    sealed class HeavyBallKernel(bool nesterov) : CpuUpdateKernel
    {
        public override void Step<T>(UpdateRule r, Span<T> theta, ReadOnlySpan<T> grad, Span<T> state, int stride, ReadOnlySpan<T> decay)
        {
            var (lr, l2, mu) = (T.CreateTruncating(r.LearningRate), T.CreateTruncating(r.L2), T.CreateTruncating(r.Momentum));
            var v = state[..theta.Length];
            for (var i = 0; i < theta.Length; i++)
            {
                var g = grad[i] + l2 * decay[i] * theta[i];
                v[i] = mu * v[i] + g;
                theta[i] -= lr * (nesterov ? g + mu * v[i] : v[i]);
            }
        }
    }

    sealed class AdamKernel(bool decoupled) : CpuUpdateKernel
    {
        public override void Step<T>(UpdateRule r, Span<T> theta, ReadOnlySpan<T> grad, Span<T> state, int stride, ReadOnlySpan<T> decay)
        {
            var n = theta.Length;
            var (lr, l2) = (T.CreateTruncating(r.LearningRate), T.CreateTruncating(r.L2));
            var (b1, b2, eps) = (T.CreateTruncating(r.Beta1), T.CreateTruncating(r.Beta2), T.CreateTruncating(r.Epsilon));
            var (c1, c2) = (T.CreateTruncating(r.Correction1), T.CreateTruncating(r.Correction2));
            var decayRate = T.CreateTruncating(decoupled ? r.LearningRate * r.WeightDecay : 0);
            var m = state[..n];
            var v = state.Slice(stride, n);
            var i = 0;
            // the same operations in the same order as the scalar loop below, lane by lane (IEEE +, −, ×, ÷ and √ are
            // correctly rounded either way, and nothing is fused), so the vector path changes no bit
            if (Vector512.IsHardwareAccelerated && Vector512<T>.IsSupported)
            {
                var (vb1, vb2, one) = (Vector512.Create(b1), Vector512.Create(b2), Vector512<T>.One);
                var (vlr, vl2, veps, vc1, vc2, vdecay) = (Vector512.Create(lr), Vector512.Create(l2), Vector512.Create(eps), Vector512.Create(c1), Vector512.Create(c2), Vector512.Create(decayRate));
                for (; i <= n - Vector512<T>.Count; i += Vector512<T>.Count)
                {
                    var mask = Vector512.Create(decay.Slice(i, Vector512<T>.Count));
                    var t = Vector512.Create((ReadOnlySpan<T>)theta.Slice(i, Vector512<T>.Count));
                    t -= vdecay * mask * t;
                    var g = Vector512.Create(grad.Slice(i, Vector512<T>.Count)) + vl2 * mask * t;
                    var mi = vb1 * Vector512.Create((ReadOnlySpan<T>)m.Slice(i, Vector512<T>.Count)) + (one - vb1) * g;
                    var vi = vb2 * Vector512.Create((ReadOnlySpan<T>)v.Slice(i, Vector512<T>.Count)) + (one - vb2) * g * g;
                    t -= vlr * (mi / vc1) / (Vector512.Sqrt(vi / vc2) + veps);
                    mi.CopyTo(m.Slice(i, Vector512<T>.Count));
                    vi.CopyTo(v.Slice(i, Vector512<T>.Count));
                    t.CopyTo(theta.Slice(i, Vector512<T>.Count));
                }
            }
            for (; i < n; i++)
            {
                theta[i] -= decayRate * decay[i] * theta[i];
                var g = grad[i] + l2 * decay[i] * theta[i];
                m[i] = b1 * m[i] + (T.One - b1) * g;
                v[i] = b2 * v[i] + (T.One - b2) * g * g;
                theta[i] -= lr * (m[i] / c1) / (T.Sqrt(v[i] / c2) + eps);
            }
        }
    }

    sealed class RmsPropKernel : CpuUpdateKernel
    {
        public override void Step<T>(UpdateRule r, Span<T> theta, ReadOnlySpan<T> grad, Span<T> state, int stride, ReadOnlySpan<T> decay)
        {
            var (lr, l2, alpha, eps) = (T.CreateTruncating(r.LearningRate), T.CreateTruncating(r.L2), T.CreateTruncating(r.Beta2), T.CreateTruncating(r.Epsilon));
            var v = state[..theta.Length];
            for (var i = 0; i < theta.Length; i++)
            {
                var g = grad[i] + l2 * decay[i] * theta[i];
                v[i] = alpha * v[i] + (T.One - alpha) * g * g;
                theta[i] -= lr * g / (T.Sqrt(v[i]) + eps);
            }
        }
    }

    sealed class AdagradKernel : CpuUpdateKernel
    {
        public override void Step<T>(UpdateRule r, Span<T> theta, ReadOnlySpan<T> grad, Span<T> state, int stride, ReadOnlySpan<T> decay)
        {
            var (lr, l2, eps) = (T.CreateTruncating(r.LearningRate), T.CreateTruncating(r.L2), T.CreateTruncating(r.Epsilon));
            var s = state[..theta.Length];
            for (var i = 0; i < theta.Length; i++)
            {
                var g = grad[i] + l2 * decay[i] * theta[i];
                s[i] += g * g;
                theta[i] -= lr * g / (T.Sqrt(s[i]) + eps);
            }
        }
    }
}

/// <summary>One optimiser's update over spans: θ and state move (slot s of element i at state[s·stride + i]), g and the decay mask are read.</summary>
abstract class CpuUpdateKernel
{
    public abstract void Step<T>(UpdateRule rule, Span<T> theta, ReadOnlySpan<T> grad, Span<T> state, int stride, ReadOnlySpan<T> decay)
        where T : unmanaged, IFloatingPointIeee754<T>;
}
