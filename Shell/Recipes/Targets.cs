using System.Globalization;
using Pure.Shell.Cli;
using Pure.Shell.Csv;

namespace Pure.Shell.Recipes;

/// <summary>Label strings mapped to class indices (numeric order when every label is a number) or to regression values.</summary>
public sealed record Targets(Matrix Values, string[] ClassNames, int[] Classes)
{
    public bool IsClassification => ClassNames.Length > 0;

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
        var classes = table.Labels.Select(l => index[Key(l)]).ToArray();
        var matrix = names.Length == 2
            ? Matrix.Column(classes.Select(c => (float)c).ToArray())
            : OneHot.Encode(classes, names.Length);
        return new Targets(matrix, names, classes);
    }
}
