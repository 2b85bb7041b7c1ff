using Pure.Core.Tensors;

namespace Pure.Core.Data;

/// <summary>
/// Per-column (x − mean)/std. Fit it on the training data only and apply the same statistics to validation
/// and test data: fitting on everything leaks the test set into training.
/// </summary>
public sealed class Standardiser
{
    readonly float[] means, stds;

    Standardiser(float[] means, float[] stds)
    {
        this.means = means;
        this.stds = stds;
    }

    public IReadOnlyList<float> Means => means;
    public IReadOnlyList<float> StdDevs => stds;

    /// <summary>Means and population standard deviations, in double; a constant column gets std 1 (it maps to 0).</summary>
    public static Standardiser Fit(Matrix training)
    {
        var (rows, cols) = (training.Rows, training.Cols);
        var mean = new double[cols];
        var sq = new double[cols];
        for (var r = 0; r < rows; r++)
        {
            var row = training.Row(r);
            for (var c = 0; c < cols; c++) mean[c] += row[c];
        }
        for (var c = 0; c < cols; c++) mean[c] /= Math.Max(1, rows);
        for (var r = 0; r < rows; r++)
        {
            var row = training.Row(r);
            for (var c = 0; c < cols; c++) sq[c] += (row[c] - mean[c]) * (row[c] - mean[c]);
        }
        var std = sq.Select(s => Math.Sqrt(s / Math.Max(1, rows))).Select(s => s > 1e-12 ? (float)s : 1f).ToArray();
        return new Standardiser(mean.Select(m => (float)m).ToArray(), std);
    }

    /// <summary>Rebuilds saved statistics.</summary>
    public static Standardiser Of(IReadOnlyList<float> means, IReadOnlyList<float> stdDevs)
    {
        if (means.Count != stdDevs.Count) throw new ArgumentException("means and standard deviations differ in length");
        return new Standardiser(means.ToArray(), stdDevs.ToArray());
    }

    public Matrix Apply(Matrix x)
    {
        if (x.Cols != means.Length) throw new ArgumentException($"standardiser fitted on {means.Length} columns, got {x.Cols}");
        return Matrix.Create(x.Rows, x.Cols, (x, this), static (dst, s) =>
        {
            var (m, self) = s;
            for (var i = 0; i < dst.Length; i++)
            {
                var c = i % m.Cols;
                dst[i] = (m.Span[i] - self.means[c]) / self.stds[c];
            }
        });
    }
}
