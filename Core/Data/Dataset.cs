using LanguageExt;
using LanguageExt.Common;
using Pure.Core.Tensors;

namespace Pure.Core.Data;

/// <summary>
/// Examples as two row-aligned matrices: row i of <see cref="Features"/> is the input whose expected output is
/// row i of <see cref="Targets"/>. Only <see cref="Create"/> makes one, so the alignment always holds; every
/// operation (shuffle, split, take, batch) moves feature and target rows together.
/// </summary>
public sealed record Dataset
{
    Dataset(Matrix features, Matrix targets)
    {
        Features = features;
        Targets = targets;
    }

    /// <summary>One input per row.</summary>
    public Matrix Features { get; }

    /// <summary>One expected output per row (a class index, a one-hot row or real values).</summary>
    public Matrix Targets { get; }

    /// <summary>The number of examples.</summary>
    public int Rows => Features.Rows;

    /// <summary>The number of input values per example.</summary>
    public int InputWidth => Features.Cols;

    /// <summary>The number of target values per example.</summary>
    public int TargetWidth => Targets.Cols;

    /// <summary>A dataset, or an error naming both row counts when they differ (data from outside can be wrong).</summary>
    public static Fin<Dataset> Create(Matrix features, Matrix targets)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(targets);
        return features.Rows == targets.Rows
            ? new Dataset(features, targets)
            : Error.New($"features have {features.Rows} rows but targets have {targets.Rows} rows");
    }

    /// <summary>The rows named by <paramref name="rows"/>, in that order (a gather; repeats are allowed).</summary>
    public Dataset Take(ReadOnlySpan<int> rows) => new(Features.GatherRows(rows), Targets.GatherRows(rows));

    /// <summary>The same examples in an order drawn from <paramref name="rng"/>; pairs stay together.</summary>
    public Dataset Shuffle(Rng rng) => Take(rng.Permutation(Rows));

    /// <summary>
    /// Shuffles, then puts the first round(fraction·rows) examples (midpoints away from zero) in the validation
    /// set and the rest in the training set, so the two are disjoint and together hold every row once. A
    /// fraction outside [0, 1) is a caller bug, hence an exception rather than an error value.
    /// </summary>
    public (Dataset Train, Dataset Validation) Split(double validationFraction, Rng rng)
    {
        if (!(validationFraction >= 0 && validationFraction < 1)) // written so that NaN is refused too
            throw new ArgumentOutOfRangeException(nameof(validationFraction), validationFraction, "must lie in [0, 1)");
        var order = rng.Permutation(Rows);
        var validation = (int)Math.Round(validationFraction * Rows, MidpointRounding.AwayFromZero);
        return (Take(order.AsSpan(validation)), Take(order.AsSpan(0, validation)));
    }

    /// <summary>Consecutive batches of <paramref name="size"/> rows in order; the last may be smaller.</summary>
    public IEnumerable<Dataset> Batches(int size)
    {
        // Checked here, not inside the iterator, so a bad size fails at the call rather than at first use.
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        return Enumerate(this, size);

        static IEnumerable<Dataset> Enumerate(Dataset data, int size)
        {
            for (var start = 0; start < data.Rows; start += size)
            {
                var count = Math.Min(size, data.Rows - start);
                yield return new Dataset(data.Features.Slice(start, count), data.Targets.Slice(start, count));
            }
        }
    }
}
