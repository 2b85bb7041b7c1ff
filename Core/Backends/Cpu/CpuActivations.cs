using System.Numerics;
using System.Numerics.Tensors;
using Pure.Core.Activations;

namespace Pure.Core.Backends.Cpu;

/// <summary>Elementwise activation kernels: TensorPrimitives where it has the operation, plain loops elsewhere.</summary>
static class CpuActivations
{
    public static void Forward<T>(Activation f, ReadOnlySpan<T> z, Span<T> a) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var alpha = T.CreateTruncating(f.Alpha);
        switch (f.Kind)
        {
            case ActivationKind.Identity: z.CopyTo(a); break;
            case ActivationKind.Sigmoid: TensorPrimitives.Sigmoid(z, a); break;
            case ActivationKind.Tanh: TensorPrimitives.Tanh(z, a); break;
            case ActivationKind.Relu: TensorPrimitives.Max(z, T.Zero, a); break;
            case ActivationKind.Silu:
                // z·σ(z), elementwise so that a may alias z
                for (var i = 0; i < z.Length; i++) a[i] = z[i] * Scalar.Sigmoid(z[i]);
                break;
            case ActivationKind.Step:
                for (var i = 0; i < z.Length; i++) a[i] = z[i] >= T.Zero ? T.One : T.Zero;
                break;
            case ActivationKind.LeakyRelu:
                for (var i = 0; i < z.Length; i++) a[i] = z[i] > T.Zero ? z[i] : alpha * z[i];
                break;
            case ActivationKind.Elu:
                for (var i = 0; i < z.Length; i++) a[i] = z[i] > T.Zero ? z[i] : alpha * T.ExpM1(z[i]);
                break;
            case ActivationKind.Softplus:
                for (var i = 0; i < z.Length; i++) a[i] = Scalar.Softplus(z[i]);
                break;
            case ActivationKind.Gelu:
            case ActivationKind.GeluTanh:
                // erf has no generic form in .NET; evaluate in double, exact for float and double inputs
                for (var i = 0; i < z.Length; i++) a[i] = T.CreateTruncating(f.Value(double.CreateTruncating(z[i])));
                break;
            default: throw new ArgumentOutOfRangeException(nameof(f), f.Kind, "unknown activation");
        }
    }

    public static void Backward<T>(Activation f, ReadOnlySpan<T> z, ReadOnlySpan<T> a, ReadOnlySpan<T> da, Span<T> dz)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var alpha = T.CreateTruncating(f.Alpha);
        var n = dz.Length;
        switch (f.Kind)
        {
            case ActivationKind.Identity: da.CopyTo(dz); break;
            case ActivationKind.Step: dz.Clear(); break;
            case ActivationKind.Sigmoid: // σ′ = a(1 − a)
                for (var i = 0; i < n; i++) dz[i] = da[i] * a[i] * (T.One - a[i]);
                break;
            case ActivationKind.Tanh: // tanh′ = 1 − a²
                for (var i = 0; i < n; i++) dz[i] = da[i] * (T.One - a[i] * a[i]);
                break;
            case ActivationKind.Relu:
                for (var i = 0; i < n; i++) dz[i] = z[i] > T.Zero ? da[i] : T.Zero;
                break;
            case ActivationKind.LeakyRelu:
                for (var i = 0; i < n; i++) dz[i] = z[i] > T.Zero ? da[i] : alpha * da[i];
                break;
            case ActivationKind.Elu: // α(e^z − 1)′ = a + α for z ≤ 0
                for (var i = 0; i < n; i++) dz[i] = z[i] > T.Zero ? da[i] : da[i] * (a[i] + alpha);
                break;
            case ActivationKind.Silu: // σ(z)(1 + z(1 − σ(z)))
                for (var i = 0; i < n; i++)
                {
                    var s = Scalar.Sigmoid(z[i]);
                    dz[i] = da[i] * s * (T.One + z[i] * (T.One - s));
                }
                break;
            case ActivationKind.Softplus:
                for (var i = 0; i < n; i++) dz[i] = da[i] * Scalar.Sigmoid(z[i]);
                break;
            case ActivationKind.Gelu:
            case ActivationKind.GeluTanh:
                for (var i = 0; i < n; i++) dz[i] = da[i] * T.CreateTruncating(f.Derivative(double.CreateTruncating(z[i])));
                break;
            default: throw new ArgumentOutOfRangeException(nameof(f), f.Kind, "unknown activation");
        }
    }
}
