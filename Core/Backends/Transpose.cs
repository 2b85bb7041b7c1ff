namespace Pure.Core.Backends;

/// <summary>Whether a GEMM operand is used as stored (row-major) or transposed (BLAS's N/T).</summary>
public enum Transpose
{
    /// <summary>The operand as stored (BLAS's N).</summary>
    No,
    /// <summary>The operand transposed (BLAS's T).</summary>
    Yes,
}
