using System.Globalization;
using CsvHelper;
using Pure.Shell.Cli;

namespace Pure.Shell.Csv;

/// <summary>
/// Reads a CSV with a header row (CsvHelper): the label is the last column unless named; every other
/// column must be numeric (invariant culture). Errors name the file, line and column.
/// </summary>
public static class CsvTableReader
{
    public static LabelledTable Read(string path, string? labelColumn)
    {
        if (!File.Exists(path)) throw new CliException($"{path}: no such file");
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
        if (header.Length < 2) throw new CliException($"{path}:1: need at least one feature column and a label column, found {header.Length} column");
        var labelIndex = labelColumn is null ? header.Length - 1 : Array.IndexOf(header, labelColumn);
        if (labelIndex < 0) throw new CliException($"{path}:1: no column named '{labelColumn}' (columns: {string.Join(", ", header)})");
        var featureIndices = Enumerable.Range(0, header.Length).Where(i => i != labelIndex).ToArray();

        var features = new List<float>();
        var labels = new List<string>();
        var lines = new List<int>();
        for (; hasRow; hasRow = csv.Read())
        {
            var line = (int)csv.LineNumber;
            var record = new string[csv.FieldCount];
            for (var i = 0; i < record.Length; i++) record[i] = csv.GetString(i).Trim();
            if (record.Length != header.Length)
                throw new CliException($"{path}:{line}: has {record.Length} fields, the header has {header.Length}");
            foreach (var i in featureIndices)
            {
                var cell = record[i];
                if (string.IsNullOrEmpty(cell)) throw new CliException($"{path}:{line}: column '{header[i]}': missing value");
                if (!float.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !float.IsFinite(v))
                    throw new CliException($"{path}:{line}: column '{header[i]}': '{cell}' is not a number");
                features.Add(v);
            }
            if (string.IsNullOrEmpty(record[labelIndex])) throw new CliException($"{path}:{line}: column '{header[labelIndex]}': missing label");
            labels.Add(record[labelIndex]);
            lines.Add(line);
        }
        if (labels.Count == 0) throw new CliException($"{path}: no data rows after the header");
        return new LabelledTable(path, featureIndices.Select(i => header[i]).ToArray(), header[labelIndex], features.ToArray(), labels.ToArray(), lines.ToArray());
    }
}
