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
    Standardiser(float[] means, float[] stdDevs)
    {
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
        if (training.Rows < 1) throw new ArgumentOutOfRangeException(nameof(training), "cannot fit on zero rows");
        var means = new float[training.Cols];
        var stds = new float[training.Cols];
        for (var c = 0; c < training.Cols; c++)
        {
            var sum = 0.0;
            for (var r = 0; r < training.Rows; r++) sum += training[r, c];
            var mean = sum / training.Rows;
            var squares = 0.0;
            for (var r = 0; r < training.Rows; r++)
            {
                var d = training[r, c] - mean;
                squares += d * d;
            }
            var std = (float)Math.Sqrt(squares / training.Rows);
            means[c] = (float)mean;
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
        ArgumentNullException.ThrowIfNull(x);
        if (x.Cols != Width)
            throw new ArgumentException($"expected {Width} columns, got {x.Cols}", nameof(x));
        return Matrix.Create(x.Rows, x.Cols, (x, this), static (dst, s) =>
        {
            var (m, z) = s;
            for (var r = 0; r < m.Rows; r++)
                for (var c = 0; c < m.Cols; c++)
                    dst[r * m.Cols + c] = (float)(((double)m[r, c] - z.Means[c]) / z.StdDevs[c]);
        });
    }
}
