using System.Collections.ObjectModel;
using Pure.Core.Tensors;

namespace Pure.Core.Data;

/// <summary>
/// Per-column z-scoring, z = (x − mean) / std, so that every input has mean 0 and standard deviation 1 and no
/// feature dominates the gradient just by its units. Fit it on the training set only and apply the same
/// statistics to validation and test data: fitting on those would leak them into training. That choice is the
/// caller's job.
/// </summary>
public sealed class Standardiser
{
    readonly float[] means;
    readonly float[] stdDevs;

    Standardiser(float[] means, float[] stdDevs)
    {
        this.means = means;
        this.stdDevs = stdDevs;
        Means = Array.AsReadOnly(means);
        StdDevs = Array.AsReadOnly(stdDevs);
    }

    /// <summary>The mean of each column of the training data.</summary>
    public IReadOnlyList<float> Means { get; }

    /// <summary>The population standard deviation of each column (1 where the column was constant).</summary>
    public IReadOnlyList<float> StdDevs { get; }

    /// <summary>The number of columns this standardiser expects.</summary>
    public int Width => Means.Count;

    /// <summary>
    /// Per-column mean and population standard deviation, √(Σ(x − mean)² / n), accumulated in double with two
    /// passes (the one-pass Σx² − n·mean² formula cancels catastrophically). A constant column gets std 1, so it
    /// maps to 0 rather than to 0/0 = NaN (scikit-learn's StandardScaler does the same). The results are kept
    /// as float32, so a column whose mean is thousands of times its spread loses digits.
    /// </summary>
    public static Standardiser Fit(Matrix training)
    {
        ArgumentNullException.ThrowIfNull(training);
        return Fit(training, AllRows(training.Rows));
    }

    /// <summary>
    /// <see cref="Fit(Matrix)"/> on the rows <paramref name="rows"/> of <paramref name="data"/> (the training
    /// split), without copying them out. Row by row, each column's sum runs in the rows' order.
    /// </summary>
    public static Standardiser Fit(Matrix data, ReadOnlySpan<int> rows)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (rows.Length < 1) throw new ArgumentOutOfRangeException(nameof(rows), "cannot fit on zero rows");
        var cols = data.Cols;
        var sums = new double[cols];
        foreach (var r in rows)
        {
            var row = data.Span.Slice(r * cols, cols);
            for (var c = 0; c < cols; c++) sums[c] += row[c];
        }
        var mean = new double[cols];
        for (var c = 0; c < cols; c++) mean[c] = sums[c] / rows.Length;
        var squares = new double[cols];
        foreach (var r in rows)
        {
            var row = data.Span.Slice(r * cols, cols);
            for (var c = 0; c < cols; c++)
            {
                var d = row[c] - mean[c];
                squares[c] += d * d;
            }
        }
        var means = new float[cols];
        var stds = new float[cols];
        for (var c = 0; c < cols; c++)
        {
            var std = (float)Math.Sqrt(squares[c] / rows.Length);
            means[c] = (float)mean[c];
            stds[c] = std > 0 ? std : 1f; // also catches a std too small for float32
        }
        return new Standardiser(means, stds);
    }

    /// <summary>Rebuilds a standardiser from saved statistics; every std must be positive and finite.</summary>
    public static Standardiser Of(IReadOnlyList<float> means, IReadOnlyList<float> stds)
    {
        ArgumentNullException.ThrowIfNull(means);
        ArgumentNullException.ThrowIfNull(stds);
        if (means.Count != stds.Count)
            throw new ArgumentException($"{means.Count} means but {stds.Count} standard deviations", nameof(stds));
        if (stds.Any(s => !(s > 0 && float.IsFinite(s))))
            throw new ArgumentOutOfRangeException(nameof(stds), "standard deviations must be positive and finite");
        return new Standardiser(means.ToArray(), stds.ToArray());
    }

    /// <summary>(x − mean) / std column by column, with the fitted statistics whatever data <paramref name="x"/> holds.</summary>
    public Matrix Apply(Matrix x)
    {
        CheckWidth(x);
        return Matrix.Create(x.Rows, x.Cols, (x, this), static (dst, s) => s.Item2.Rows(s.x, AllRows(s.x.Rows)).Write(0, dst));
    }

    /// <summary>
    /// The rows <paramref name="rows"/> of <paramref name="x"/>, standardised as <see cref="Apply"/> would, written
    /// a block at a time where an upload wants them: no standardised copy of the whole split exists at once.
    /// </summary>
    public FeatureRows Rows(Matrix x, int[] rows)
    {
        CheckWidth(x);
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var r in rows) if ((uint)r >= (uint)x.Rows) throw new ArgumentOutOfRangeException(nameof(rows), $"row {r} of {x.Rows}");
        return new FeatureRows(rows.Length, Width, (first, destination) =>
        {
            var cols = x.Cols;
            for (var i = 0; i < destination.Length / cols; i++)
            {
                var source = x.Span.Slice(rows[first + i] * cols, cols);
                var target = destination.Slice(i * cols, cols);
                for (var c = 0; c < cols; c++) target[c] = (float)(((double)source[c] - means[c]) / stdDevs[c]);
            }
        });
    }

    void CheckWidth(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Cols != Width)
            throw new ArgumentException($"expected {Width} columns, got {x.Cols}", nameof(x));
    }

    static int[] AllRows(int n)
    {
        var rows = new int[n];
        for (var i = 0; i < n; i++) rows[i] = i;
        return rows;
    }
}
