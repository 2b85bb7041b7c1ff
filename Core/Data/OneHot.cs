using Pure.Core.Tensors;

namespace Pure.Core.Data;

/// <summary>Class indices to indicator rows and back: label k becomes a row with 1 in column k and 0 elsewhere.</summary>
public static class OneHot
{
    /// <summary>A labels.Length×classes matrix with a single 1 per row; a label outside [0, classes) is a caller bug.</summary>
    public static Matrix Encode(ReadOnlySpan<int> labels, int classes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        foreach (var label in labels)
            if (label < 0 || label >= classes)
                throw new ArgumentOutOfRangeException(nameof(labels), label, $"labels must lie in [0, {classes})");
        return Matrix.Create(labels.Length, classes, (labels.ToArray(), classes), static (dst, s) =>
        {
            for (var r = 0; r < s.Item1.Length; r++) dst[r * s.classes + s.Item1[r]] = 1f;
        });
    }

    /// <summary>
    /// The predicted class of each row: the argmax (the first maximum wins ties), so it reads one-hot targets and
    /// softmax outputs alike. A single column is a sigmoid probability of class 1: value ≥ 0.5 gives 1, else 0.
    /// </summary>
    public static int[] Decode(Matrix oneHotOrProbabilities)
    {
        var m = oneHotOrProbabilities ?? throw new ArgumentNullException(nameof(oneHotOrProbabilities));
        if (m.Cols < 1) throw new ArgumentException("a matrix with no columns has no classes", nameof(oneHotOrProbabilities));
        var labels = new int[m.Rows];
        for (var r = 0; r < m.Rows; r++)
        {
            var row = m.Row(r);
            if (m.Cols == 1)
            {
                labels[r] = row[0] >= 0.5f ? 1 : 0;
                continue;
            }
            var best = 0;
            for (var c = 1; c < row.Length; c++)
                if (row[c] > row[best]) best = c; // strict: a later equal value does not replace the first
            labels[r] = best;
        }
        return labels;
    }
}
