namespace Pure.Shell.Models;

/// <summary>A named float32 tensor: its shape (outermost first) and its values in row-major order.</summary>
public sealed record Tensor(string Name, int[] Shape, float[] Data)
{
    /// <summary>The product of the dimensions (1 for a scalar of shape []).</summary>
    public long ElementCount => Shape.Aggregate(1L, (n, d) => n * d);

    /// <summary>The shape as it is printed in messages, e.g. [16, 2].</summary>
    public static string Format(IEnumerable<int> shape) => $"[{string.Join(", ", shape)}]";
}
