using LanguageExt;
using LanguageExt.Common;
using Pure.Core.Tensors;

namespace Pure.Core.Data;

/// <summary>Features and targets with one row per example. Every operation returns a new dataset.</summary>
public sealed class Dataset
{
    Dataset(Matrix features, Matrix targets)
    {
        Features = features;
        Targets = targets;
    }

    public Matrix Features { get; }
    public Matrix Targets { get; }
    public int Rows => Features.Rows;
    public int InputWidth => Features.Cols;
    public int TargetWidth => Targets.Cols;

    public static Fin<Dataset> Create(Matrix features, Matrix targets) =>
        features.Rows == targets.Rows
            ? new Dataset(features, targets)
            : Error.New($"features have {features.Rows} rows but targets have {targets.Rows}");

    /// <summary>For generators, whose rows agree by construction.</summary>
    internal static Dataset Of(Matrix features, Matrix targets) =>
        Create(features, targets).Match(d => d, e => throw new InvalidOperationException(e.Message));

    /// <summary>The rows named by <paramref name="rows"/>, in that order.</summary>
    public Dataset Take(ReadOnlySpan<int> rows) => new(Features.GatherRows(rows), Targets.GatherRows(rows));

    /// <summary>The rows in a seeded random order (features and targets stay paired).</summary>
    public Dataset Shuffle(Rng rng) => Take(rng.Permutation(Rows));

    /// <summary>
    /// A shuffled split: the validation part gets round(fraction·rows) rows, the training part the rest.
    /// </summary>
    public (Dataset Train, Dataset Validation) Split(double validationFraction, Rng rng)
    {
        if (validationFraction is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(validationFraction), "must be in [0, 1)");
        var order = rng.Permutation(Rows);
        var validation = (int)Math.Round(validationFraction * Rows, MidpointRounding.AwayFromZero);
        return (Take(order.AsSpan(validation)), Take(order.AsSpan(0, validation)));
    }

    /// <summary>Consecutive batches of <paramref name="size"/> rows; the last may be smaller.</summary>
    public IEnumerable<Dataset> Batches(int size)
    {
        if (size < 1) throw new ArgumentOutOfRangeException(nameof(size), "must be positive");
        for (var start = 0; start < Rows; start += size)
        {
            var count = Math.Min(size, Rows - start);
            yield return new Dataset(Features.Slice(start, count), Targets.Slice(start, count));
        }
    }

    /// <summary>Targets of class indices (one column) replaced by one-hot rows.</summary>
    public Dataset OneHot(int classes) =>
        new(Features, Data.OneHot.Encode(Targets.Span.ToArray().Select(v => (int)v).ToArray(), classes));
}
