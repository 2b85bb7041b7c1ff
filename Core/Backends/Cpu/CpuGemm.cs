using System.Numerics;
using System.Numerics.Tensors;

namespace Pure.Core.Backends.Cpu;

/// <summary>
/// C = α·op(A)·op(B) + β·C on row-major spans. Each case walks memory in its contiguous direction so the
/// inner loop is a TensorPrimitives dot product or axpy (vectorised). The simple baseline: double precision
/// and small float products run here; large float products run on <see cref="PackedGemm"/>.
/// </summary>
static class CpuGemm
{
    public static void Multiply<T>(Transpose transA, Transpose transB, int m, int n, int k, T alpha,
        ReadOnlySpan<T> a, ReadOnlySpan<T> b, T beta, Span<T> c) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckOperands(m, n, k, a, b, c);
        c = c[..(m * n)];
        Scale(beta, c);
        if (k == 0 || alpha == T.Zero) return;

        switch (transA, transB)
        {
            case (Transpose.No, Transpose.No):
                // C[i,:] += α·A[i,p]·B[p,:]
                for (var i = 0; i < m; i++)
                {
                    var row = c.Slice(i * n, n);
                    for (var p = 0; p < k; p++)
                        TensorPrimitives.MultiplyAdd(b.Slice(p * n, n), alpha * a[i * k + p], row, row);
                }
                break;
            case (Transpose.No, Transpose.Yes):
                // C[i,j] += α·⟨A[i,:], B[j,:]⟩, both rows contiguous
                for (var i = 0; i < m; i++)
                {
                    var ai = a.Slice(i * k, k);
                    for (var j = 0; j < n; j++)
                        c[i * n + j] += alpha * TensorPrimitives.Dot(ai, b.Slice(j * k, k));
                }
                break;
            case (Transpose.Yes, Transpose.No):
                // A is k×m: C[i,:] += α·A[p,i]·B[p,:], p outermost so A and B are read row by row
                for (var p = 0; p < k; p++)
                {
                    var bp = b.Slice(p * n, n);
                    for (var i = 0; i < m; i++)
                    {
                        var row = c.Slice(i * n, n);
                        TensorPrimitives.MultiplyAdd(bp, alpha * a[p * m + i], row, row);
                    }
                }
                break;
            default:
                // A is k×m, B is n×k
                for (var i = 0; i < m; i++)
                    for (var j = 0; j < n; j++)
                    {
                        var sum = T.Zero;
                        for (var p = 0; p < k; p++) sum += a[p * m + i] * b[j * k + p];
                        c[i * n + j] += alpha * sum;
                    }
                break;
        }
    }

    /// <summary>C = β·C, where β = 0 ignores C's old contents (NaN included), as BLAS does.</summary>
    public static void Scale<T>(T beta, Span<T> c) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (beta == T.Zero) c.Clear();
        else if (beta != T.One) TensorPrimitives.Multiply(c, beta, c);
    }

    public static void CheckOperands<T>(int m, int n, int k, ReadOnlySpan<T> a, ReadOnlySpan<T> b, ReadOnlySpan<T> c)
    {
        CheckLength(a, (long)m * k, "A");
        CheckLength(b, (long)k * n, "B");
        CheckLength(c, (long)m * n, "C");
    }

    static void CheckLength<T>(ReadOnlySpan<T> span, long needed, string name)
    {
        if (span.Length < needed)
            throw new ArgumentException($"GEMM operand {name} has {span.Length} elements, needs {needed}");
    }
}
