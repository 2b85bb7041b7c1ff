using System.Globalization;
using Pure.Shell.Cli;
using Pure.Shell.Csv;

namespace Pure.Shell.Recipes;

/// <summary>
/// Label strings mapped to class indices (numeric order when every label is a number) or to regression values.
/// <see cref="Values"/> is one column: the value, or the class index (0/1 for two classes, which train one logit);
/// more classes train one output each, and their one-hot rows are made a batch at a time, never for the whole data.
/// </summary>
public sealed record Targets(Matrix Values, string[] ClassNames, int[] Classes)
{
    public bool IsClassification => ClassNames.Length > 0;

    /// <summary>The network's output width: one per class past two, else one.</summary>
    public int Outputs => ClassNames.Length > 2 ? ClassNames.Length : 1;

    /// <summary>Whether <see cref="Values"/> holds class indices for one output per class.</summary>
    public bool ClassIndexed => ClassNames.Length > 2;

    /// <summary>
    /// The target rows as the loss sees them, one-hot past two classes, built whole: for small data in memory
    /// (the tour, the core's <c>Dataset</c>); training uploads <see cref="Values"/> and expands a batch at a time.
    /// </summary>
    public Matrix Dense => ClassIndexed ? OneHot.Encode(Classes, ClassNames.Length) : Values;

    /// <summary>Targets of classes <paramref name="classes"/> (indices into <paramref name="names"/>).</summary>
    public static Targets OfClasses(int[] classes, string[] names) =>
        new(Matrix.Column(classes.Select(c => (float)c).ToArray()), names, classes);

    /// <summary>Whether every label is a number: then labels compare as numbers.</summary>
    public static bool AllNumbers(IEnumerable<string> labels) =>
        labels.All(l => double.TryParse(l, NumberStyles.Float, CultureInfo.InvariantCulture, out _));

    /// <summary>
    /// What a class label is compared by: its value when all labels are numbers (1, 1.0 and 1e0 are one class,
    /// named as first written; + 0.0 makes −0 and 0 one), else its text.
    /// </summary>
    public static string ClassKey(string label, bool numeric) =>
        numeric ? (double.Parse(label, CultureInfo.InvariantCulture) + 0.0).ToString("R", CultureInfo.InvariantCulture) : label;

    public static Targets For(LabelledTable table, LearningTask task)
    {
        if (task == LearningTask.Regression)
        {
            var values = new float[table.Rows];
            for (var i = 0; i < table.Rows; i++)
                if (!float.TryParse(table.Labels[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !float.IsFinite(values[i]))
                    throw new CliException($"{table.Path}:{table.LabelLines[i]}: column '{table.LabelName}': '{table.Labels[i]}' is not a number (regression needs numeric targets)");
            return new Targets(Matrix.Column(values), [], []);
        }
        var numeric = AllNumbers(table.Labels);
        string Key(string label) => ClassKey(label, numeric);
        var firstSpelling = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var label in table.Labels) firstSpelling.TryAdd(Key(label), label);
        var names = numeric
            ? firstSpelling.Values.OrderBy(l => double.Parse(l, CultureInfo.InvariantCulture)).ToArray()
            : firstSpelling.Values.OrderBy(l => l, StringComparer.Ordinal).ToArray();
        if (numeric && names.Length > 20 && names.Length > table.Rows / 2)
            throw new CliException($"{table.Path}: column '{table.LabelName}' has {names.Length} different numbers in {table.Rows} rows; for values rather than classes use --task regression");
        if (names.Length < 2)
            throw new CliException($"{table.Path}: column '{table.LabelName}' has a single class ('{names[0]}'): nothing to classify");
        var index = names.Select((n, i) => (Key(n), i)).ToDictionary(p => p.Item1, p => p.i);
        return OfClasses(table.Labels.Select(l => index[Key(l)]).ToArray(), names);
    }
}
