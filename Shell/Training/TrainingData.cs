using System.Globalization;
using Pure.Shell.Cli;
using Pure.Shell.Recipes;
using Pure.Shell.Csv;
using Pure.Shell.Data;

namespace Pure.Shell.Training;

/// <summary>
/// Examples to train on, from a CSV file or an IDX folder: raw features, targets, names, and (for IDX) the
/// official test rows, which then serve as the test split.
/// </summary>
public sealed record TrainingData(string Source, Matrix Features, Targets Targets, IReadOnlyList<string> FeatureNames, string LabelName, int[]? FixedTestRows)
{
    public int Rows => Features.Rows;
    public int Width => Features.Cols;

    public static TrainingData FromCsv(string path, string? labelColumn, LearningTask task, IReadOnlyList<string>? featureColumns = null, CsvTableReader.Progress? progress = null)
    {
        var table = CsvTableReader.Read(path, labelColumn, featureColumns, progress);
        var targets = Targets.For(table, task);
        return new TrainingData(path, table.Features, targets, table.FeatureNames, table.LabelName, null);
    }

    /// <summary>The four MNIST-format files of <paramref name="folder"/>: 60 000 training images, then the 10 000 test images.</summary>
    public static TrainingData FromIdx(string folder, LearningTask task)
    {
        if (task != LearningTask.Classification) throw new CliException("--data: IDX datasets are classification data (drop --task regression)");
        var (features, bytes, trainRows) = IdxReader.ReadDirectory(folder);
        var labels = Array.ConvertAll(bytes, b => (int)b);
        var classes = labels.Max() + 1;
        // the classes are the label values 0…max: a stray byte (255, say) would silently make hundreds of them
        var counts = labels.GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count());
        if (counts.Count < 2) throw new CliException($"{folder}: every label is {labels[0]}: nothing to classify");
        var empty = Enumerable.Range(0, classes).Where(c => !counts.ContainsKey(c)).ToArray();
        var single = counts.Where(p => p.Value == 1).Select(p => p.Key).Order().ToArray();
        if (empty.Length > 0 || single.Length > 0)
            throw new CliException($"{folder}: the labels run from 0 to {classes - 1} ({counts.Count} values found), but " + string.Join(" and ",
                new[] { empty.Length > 0 ? $"{Listing.Few(empty.Select(c => c.ToString(CultureInfo.InvariantCulture)))} have no example" : null,
                        single.Length > 0 ? $"{Listing.Few(single.Select(c => c.ToString(CultureInfo.InvariantCulture)))} have a single one" : null }.OfType<string>()) +
                " (a stray label?)");
        var names = Enumerable.Range(0, classes).Select(c => c.ToString(CultureInfo.InvariantCulture)).ToArray();
        var targets = Targets.OfClasses(labels, names);
        var pixels = Enumerable.Range(0, features.Cols).Select(i => $"p{i}").ToArray();
        return new TrainingData(folder, features, targets, pixels, "label", Enumerable.Range(trainRows, features.Rows - trainRows).ToArray());
    }

    /// <summary>A short fingerprint of the examples (FNV-1a over features and classes) for checkpoint guards.</summary>
    public string Fingerprint()
    {
        var hash = 14695981039346656037UL;
        void Mix(int v)
        {
            hash ^= (uint)v;
            hash *= 1099511628211UL;
        }
        foreach (var v in Features.Span) Mix(BitConverter.SingleToInt32Bits(v));
        // the bits of the target rows as the network sees them (one-hot past two classes), as checkpoints have always hashed them
        if (!Targets.ClassIndexed)
            foreach (var v in Targets.Values.Span) Mix(BitConverter.SingleToInt32Bits(v));
        else
            foreach (var c in Targets.Classes)
                for (var k = 0; k < Targets.ClassNames.Length; k++) Mix(BitConverter.SingleToInt32Bits(k == c ? 1f : 0f));
        return $"{Rows}×{Width}, {hash:x16}";
    }
}
