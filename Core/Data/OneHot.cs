using Pure.Core.Tensors;

namespace Pure.Core.Data;

public static class OneHot
{
    /// <summary>Row i has a 1 in column labels[i] and 0 elsewhere.</summary>
    public static Matrix Encode(ReadOnlySpan<int> labels, int classes)
    {
        foreach (var l in labels)
            if ((uint)l >= (uint)classes) throw new ArgumentOutOfRangeException(nameof(labels), $"label {l} outside [0, {classes})");
        return Matrix.Create(labels.Length, classes, labels.ToArray(), static (dst, ls) =>
        {
            var cols = dst.Length / Math.Max(1, ls.Length);
            for (var i = 0; i < ls.Length; i++) dst[i * cols + ls[i]] = 1;
        });
    }
}
