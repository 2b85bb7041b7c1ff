using System.Globalization;
using CsvHelper;
using Pure.Shell.Cli;

namespace Pure.Shell.Csv;

/// <summary>
/// Reads a CSV with a header row (CsvHelper): the label is the last column unless named; the features are the
/// named columns, in that order, or every other column; they must be numeric (invariant culture). Errors name
/// the file, line and column.
/// </summary>
public static class CsvTableReader
{
    public static LabelledTable Read(string path, string? labelColumn, IReadOnlyList<string>? featureColumns = null)
    {
        var features = new List<float>();
        var labels = new List<string>();
        var lines = new List<int>();
        string[] header = [];
        int labelIndex = -1;
        int[] featureIndices = [];
        Scan(path, h =>
        {
            header = h;
            if (header.Length < 2) throw new CliException($"{path}:1: need at least one feature column and a label column, found {header.Length} column");
            labelIndex = labelColumn is null ? header.Length - 1 : Array.IndexOf(header, labelColumn);
            if (labelIndex < 0) throw new CliException($"{path}:1: no column named '{labelColumn}' (columns: {Listing.Few(header)})");
            featureIndices = featureColumns is null
                ? Enumerable.Range(0, header.Length).Where(i => i != labelIndex).ToArray()
                : Pick(path, header, featureColumns, header[labelIndex]);
        }, (record, line) =>
        {
            foreach (var i in featureIndices) features.Add(Number(path, line, header[i], record[i]));
            if (string.IsNullOrEmpty(record[labelIndex])) throw new CliException($"{path}:{line}: column '{header[labelIndex]}': missing label");
            labels.Add(record[labelIndex]);
            lines.Add(line);
        });
        if (labels.Count == 0) throw new CliException($"{path}: no data rows after the header");
        return new LabelledTable(path, featureIndices.Select(i => header[i]).ToArray(), header[labelIndex], features.ToArray(), labels.ToArray(), lines.ToArray());
    }

    /// <summary>
    /// Every column as a numeric feature, except <paramref name="ignoreColumn"/> when the file has it (its cells are
    /// not read): the input of a model that predicts, where the label may or may not be there.
    /// </summary>
    public static FeatureTable ReadFeatures(string path, string? ignoreColumn, IReadOnlyList<string>? featureColumns = null)
    {
        var features = new List<float>();
        var lines = new List<int>();
        string[] header = [];
        int[] featureIndices = [];
        Scan(path, h =>
        {
            header = h;
            featureIndices = featureColumns is null
                ? Enumerable.Range(0, header.Length).Where(i => header[i] != ignoreColumn).ToArray()
                : Pick(path, header, featureColumns, ignoreColumn);
            if (featureIndices.Length == 0) throw new CliException($"{path}:1: no feature columns");
        }, (record, line) =>
        {
            foreach (var i in featureIndices) features.Add(Number(path, line, header[i], record[i]));
            lines.Add(line);
        });
        if (lines.Count == 0) throw new CliException($"{path}: no data rows after the header");
        return new FeatureTable(path, featureIndices.Select(i => header[i]).ToArray(), features.ToArray(), lines.ToArray());
    }

    /// <summary>The positions of the named columns (in the order named); a missing name or the label among them is an error.</summary>
    static int[] Pick(string path, string[] header, IReadOnlyList<string> names, string? label)
    {
        var missing = names.Where(n => !header.Contains(n)).ToArray();
        if (missing.Length > 0)
            throw new CliException($"{path}:1: no column named {Listing.Few(missing.Select(n => $"'{n}'"))} (columns: {Listing.Few(header)})");
        if (label is not null && names.Contains(label)) throw new CliException($"{path}:1: column '{label}' is the label; it cannot also be a feature");
        if (names.Distinct().Count() != names.Count) throw new CliException($"{path}: a feature column is named twice ({Listing.Few(names)})");
        return names.Select(n => Array.IndexOf(header, n)).ToArray();
    }

    /// <summary>Hands the trimmed header, then each trimmed record with its line, to the callers; ragged rows are errors.</summary>
    static void Scan(string path, Action<string[]> onHeader, Action<string[], int> onRecord)
    {
        InputFile.Require(path);
        using var reader = new StreamReader(path);
        var options = new CsvReaderOptions
        {
            HasHeader = true,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            FieldCountMismatch = CsvFieldCountHandling.Allow, // ragged rows are reported below, with their line
            FormatProvider = CultureInfo.InvariantCulture,
        };
        using var csv = CsvReader.Create(reader, options, false);
        var hasRow = csv.Read();
        var header = csv.Headers?.Select(h => h.Trim()).ToArray() ?? [];
        if (header.Length == 0 || header.All(string.IsNullOrEmpty))
            throw new CliException($"{path}: the file is empty (expected a header row)");
        // every column needs a name: it is the model file's feature or label name, and how eval finds the column
        if (Array.FindIndex(header, string.IsNullOrEmpty) is var unnamed and >= 0)
            throw new CliException($"{path}:1: column {unnamed + 1} has no name in the header");
        if (header.GroupBy(h => h).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new CliException($"{path}:1: column '{twice.Key}' appears {twice.Count()} times in the header");
        onHeader(header);
        for (; hasRow; hasRow = csv.Read())
        {
            var line = (int)csv.LineNumber;
            var record = new string[csv.FieldCount];
            for (var i = 0; i < record.Length; i++) record[i] = csv.GetString(i).Trim();
            if (record.Length != header.Length)
                throw new CliException($"{path}:{line}: has {record.Length} fields, the header has {header.Length}");
            onRecord(record, line);
        }
    }

    static float Number(string path, int line, string column, string cell)
    {
        if (string.IsNullOrEmpty(cell)) throw new CliException($"{path}:{line}: column '{column}': missing value");
        if (!float.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !float.IsFinite(v))
            throw new CliException($"{path}:{line}: column '{column}': '{cell}' is not a number");
        return v;
    }
}
