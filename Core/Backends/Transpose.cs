namespace Pure.Core.Backends;

/// <summary>Whether a GEMM operand is used as stored (row-major) or transposed (BLAS's N/T).</summary>
public enum Transpose
{
    No,
    Yes,
}
