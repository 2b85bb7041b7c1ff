using System.Collections.Frozen;
using System.Numerics;
using System.Runtime.Intrinsics;
using System.Numerics.Tensors;
using Pure.Core.Activations;

namespace Pure.Core.Backends.Cpu;

/// <summary>
/// The CPU kernel of every activation, by <see cref="Activation.Id"/>: one operator struct each (scalar value
/// and derivative, generic over the element type) driven by one shared loop, TensorPrimitives where it has the
/// operation. Adding an activation is one entry here beside its catalogue entry.
/// </summary>
static class CpuActivations
{
    static readonly FrozenDictionary<string, CpuActivationKernel> Kernels = new Dictionary<string, CpuActivationKernel>
    {
        [Activation.Identity.Id] = new IdentityKernel(),
        [Activation.Step.Id] = new StepKernel(),
        [Activation.Sigmoid.Id] = new SigmoidKernel(),
        // scalar tanh: TensorPrimitives.Tanh's vector path (System.Numerics.Tensors 10.0.0) gives tanh(0) = −6e-8 in float
        [Activation.Tanh.Id] = new Elementwise<TanhOp>(),
        [Activation.Relu.Id] = new ReluKernel(),
        [Activation.LeakyReluEntry.Id] = new Elementwise<LeakyReluOp>(),
        [Activation.EluEntry.Id] = new Elementwise<EluOp>(),
        [Activation.Gelu.Id] = new Elementwise<GeluOp>(),
        [Activation.GeluTanh.Id] = new Elementwise<GeluTanhOp>(),
        [Activation.Silu.Id] = new Elementwise<SiluOp>(),
        [Activation.Softplus.Id] = new Elementwise<SoftplusOp>(),
        [Activation.Mish.Id] = new Elementwise<MishOp>(),
        [Activation.HardSwish.Id] = new Elementwise<HardSwishOp>(),
    }.ToFrozenDictionary();

    public static CpuActivationKernel For(Activation f) =>
        Kernels.TryGetValue(f.Id, out var kernel) ? kernel : throw new NotSupportedException($"the CPU backend has no kernel for activation '{f.Id}'");

    struct StepOp : IActivationOperator
    {
        public static T Value<T>(T z, T alpha) where T : IFloatingPointIeee754<T> => z >= T.Zero ? T.One : T.Zero;
        public static T Derivative<T>(T z, T a, T alpha) where T : IFloatingPointIeee754<T> => T.Zero;
    }

    struct SigmoidOp : IActivationOperator
    {
        public static T Value<T>(T z, T alpha) where T : IFloatingPointIeee754<T> => Scalar.Sigmoid(z);
        // σ′ = σ(z)·σ(−z): a(1 − a) rounds 1 − a to 0 once a is within an ulp of 1 (z ≳ 17 in float)
        public static T Derivative<T>(T z, T a, T alpha) where T : IFloatingPointIeee754<T> => Scalar.Sigmoid(z) * Scalar.Sigmoid(-z);
    }

    struct TanhOp : IActivationOperator
    {
        public static T Value<T>(T z, T alpha) where T : IFloatingPointIeee754<T> => T.Tanh(z);
        // tanh′ = sech² z = 1/cosh² z: 1 − a² cancels as a nears ±1 (5e-4 off at z = 5 in float)
        public static T Derivative<T>(T z, T a, T alpha) where T : IFloatingPointIeee754<T>
        {
            var c = T.Cosh(z);
            return T.One / (c * c);
        }
    }

    struct ReluOp : IActivationOperator
    {
        public static T Value<T>(T z, T alpha) where T : IFloatingPointIeee754<T> => z > T.Zero ? z : T.Zero;
        public static T Derivative<T>(T z, T a, T alpha) where T : IFloatingPointIeee754<T> => z > T.Zero ? T.One : T.Zero;
    }

    struct LeakyReluOp : IActivationOperator
    {
        public static T Value<T>(T z, T alpha) where T : IFloatingPointIeee754<T> => z > T.Zero ? z : alpha * z;
        public static T Derivative<T>(T z, T a, T alpha) where T : IFloatingPointIeee754<T> => z > T.Zero ? T.One : alpha;
    }

    struct EluOp : IActivationOperator
    {
        public static T Value<T>(T z, T alpha) where T : IFloatingPointIeee754<T> => z > T.Zero ? z : alpha * Scalar.ExpM1(z);
        // α·e^z for z ≤ 0 (a + α is the same in exact arithmetic but cancels: 100 % off at z = −20 in float)
        public static T Derivative<T>(T z, T a, T alpha) where T : IFloatingPointIeee754<T> => z > T.Zero ? T.One : alpha * T.Exp(z);
    }

    // erf has no generic form in .NET: GELU is evaluated in double, exact for float and double inputs
    struct GeluOp : IActivationOperator
    {
        public static T Value<T>(T z, T alpha) where T : IFloatingPointIeee754<T> =>
            T.CreateTruncating(Activation.Gelu.Value(double.CreateTruncating(z)));
        public static T Derivative<T>(T z, T a, T alpha) where T : IFloatingPointIeee754<T> =>
            T.CreateTruncating(Activation.Gelu.Derivative(double.CreateTruncating(z)));
    }

    struct GeluTanhOp : IActivationOperator
    {
        public static T Value<T>(T z, T alpha) where T : IFloatingPointIeee754<T> => T.CreateTruncating(Scalar.GeluTanh(double.CreateTruncating(z)));
        public static T Derivative<T>(T z, T a, T alpha) where T : IFloatingPointIeee754<T> =>
            T.CreateTruncating(Scalar.GeluTanhDerivative(double.CreateTruncating(z)));
    }

    struct SiluOp : IActivationOperator
    {
        public static T Value<T>(T z, T alpha) where T : IFloatingPointIeee754<T> => z * Scalar.Sigmoid(z);
        // σ(z)(1 + z(1 − σ(z)))
        public static T Derivative<T>(T z, T a, T alpha) where T : IFloatingPointIeee754<T>
        {
            var s = Scalar.Sigmoid(z);
            return s * (T.One + z * (T.One - s));
        }
    }

    struct SoftplusOp : IActivationOperator
    {
        public static T Value<T>(T z, T alpha) where T : IFloatingPointIeee754<T> => Scalar.Softplus(z);
        public static T Derivative<T>(T z, T a, T alpha) where T : IFloatingPointIeee754<T> => Scalar.Sigmoid(z);
    }

    struct MishOp : IActivationOperator
    {
        public static T Value<T>(T z, T alpha) where T : IFloatingPointIeee754<T> => z * T.Tanh(Scalar.Softplus(z));
        // tanh(sp) + z·(1 − tanh²(sp))·σ(z), sp = softplus(z)
        public static T Derivative<T>(T z, T a, T alpha) where T : IFloatingPointIeee754<T>
        {
            var t = T.Tanh(Scalar.Softplus(z));
            return t + z * (T.One - t * t) * Scalar.Sigmoid(z);
        }
    }

    struct HardSwishOp : IActivationOperator
    {
        public static T Value<T>(T z, T alpha) where T : IFloatingPointIeee754<T>
        {
            var three = T.CreateTruncating(3);
            // the ratio first: z·relu6(z + 3) overflows for z near the largest float
            return z * (T.Clamp(z + three, T.Zero, three + three) / (three + three));
        }

        // 0 below −3, (2z + 3)/6 on [−3, 3], 1 above
        public static T Derivative<T>(T z, T a, T alpha) where T : IFloatingPointIeee754<T>
        {
            var three = T.CreateTruncating(3);
            return z < -three ? T.Zero : z <= three ? (z + z + three) / (three + three) : T.One;
        }
    }

    sealed class IdentityKernel : CpuActivationKernel
    {
        public override void Forward<T>(ReadOnlySpan<T> z, T alpha, Span<T> a) => z.CopyTo(a);
        public override void Backward<T>(ReadOnlySpan<T> z, ReadOnlySpan<T> a, T alpha, ReadOnlySpan<T> da, Span<T> dz) => da.CopyTo(dz);
    }

    // the step's derivative is 0 even where the upstream gradient is not finite
    sealed class StepKernel : Elementwise<StepOp>
    {
        public override void Backward<T>(ReadOnlySpan<T> z, ReadOnlySpan<T> a, T alpha, ReadOnlySpan<T> da, Span<T> dz) => dz.Clear();
    }

    sealed class SigmoidKernel : Elementwise<SigmoidOp>
    {
        // TensorPrimitives' vectorised exp and its scalar tail round differently
        public override bool SameBitsInPieces => false;

        // TensorPrimitives.Sigmoid throws on empty spans (Tanh and Max do not)
        public override void Forward<T>(ReadOnlySpan<T> z, T alpha, Span<T> a)
        {
            if (!z.IsEmpty) TensorPrimitives.Sigmoid(z, a);
        }
    }

    sealed class ReluKernel : Elementwise<ReluOp>
    {
        public override void Forward<T>(ReadOnlySpan<T> z, T alpha, Span<T> a) => TensorPrimitives.Max(z, T.Zero, a);

        // a select, not a product: a blocked unit passes exactly 0 whatever the upstream gradient
        public override void Backward<T>(ReadOnlySpan<T> z, ReadOnlySpan<T> a, T alpha, ReadOnlySpan<T> da, Span<T> dz)
        {
            var i = 0;
            if (Vector512.IsHardwareAccelerated && Vector512<T>.IsSupported)
                for (var w = Vector512<T>.Count; i <= dz.Length - w; i += w)
                    Vector512.ConditionalSelect(Vector512.GreaterThan(Vector512.Create(z.Slice(i, w)), Vector512<T>.Zero), Vector512.Create(da.Slice(i, w)), Vector512<T>.Zero)
                        .CopyTo(dz.Slice(i, w));
            for (; i < dz.Length; i++) dz[i] = z[i] > T.Zero ? da[i] : T.Zero;
        }
    }
}

/// <summary>An activation's scalar value f(z) and derivative f′(z) (given a = f(z) too), generic over the element type.</summary>
interface IActivationOperator
{
    static abstract T Value<T>(T z, T alpha) where T : IFloatingPointIeee754<T>;
    static abstract T Derivative<T>(T z, T a, T alpha) where T : IFloatingPointIeee754<T>;
}

/// <summary>An activation's forward a = f(z) and backward dz = da ⊙ f′(z) over spans.</summary>
abstract class CpuActivationKernel
{
    /// <summary>Whether a span gives the same bits cut into pieces as whole (false where a vector path and its scalar tail round differently).</summary>
    public virtual bool SameBitsInPieces => true;

    public abstract void Forward<T>(ReadOnlySpan<T> z, T alpha, Span<T> a) where T : unmanaged, IFloatingPointIeee754<T>;
    public abstract void Backward<T>(ReadOnlySpan<T> z, ReadOnlySpan<T> a, T alpha, ReadOnlySpan<T> da, Span<T> dz) where T : unmanaged, IFloatingPointIeee754<T>;
}

/// <summary>The one loop every operator shares; elementwise, so a destination may alias its input.</summary>
class Elementwise<TOp> : CpuActivationKernel where TOp : IActivationOperator
{
    public override void Forward<T>(ReadOnlySpan<T> z, T alpha, Span<T> a)
    {
        for (var i = 0; i < z.Length; i++) a[i] = TOp.Value(z[i], alpha);
    }

    public override void Backward<T>(ReadOnlySpan<T> z, ReadOnlySpan<T> a, T alpha, ReadOnlySpan<T> da, Span<T> dz)
    {
        for (var i = 0; i < dz.Length; i++) dz[i] = da[i] * TOp.Derivative(z[i], a[i], alpha);
    }
}
