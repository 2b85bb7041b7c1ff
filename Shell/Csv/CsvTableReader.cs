using System.Globalization;
using System.Text;
using CsvHelper;
using Pure.Shell.Cli;

namespace Pure.Shell.Csv;

/// <summary>
/// Reads a CSV with a header row (CsvHelper): the label is the last column unless named; the features are the
/// named columns, in that order, or every other column; they must be numeric (invariant culture). Errors name
/// the file, line and column.
/// </summary>
/// <remarks>
/// Streamed, with memory bound by the data rather than the text: numbers are parsed from the reader's UTF-8
/// span (no string per cell), kept in blocks and copied once into the matrix; labels that repeat share one
/// string. A <see cref="Progress"/>, where given, hears the bytes read so far and the file's length.
/// </remarks>
public static class CsvTableReader
{
    /// <summary>Bytes read so far and the file's length, reported every few thousand rows and once at the end.</summary>
    public delegate void Progress(long bytesRead, long length);

    public static LabelledTable Read(string path, string? labelColumn, IReadOnlyList<string>? featureColumns = null, Progress? progress = null)
    {
        var features = new Chunked<float>();
        var labels = new Chunked<string>();
        var lines = new Chunked<int>();
        var distinctLabels = new Dictionary<string, string>(StringComparer.Ordinal);
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
        }, (csv, line) =>
        {
            foreach (var i in featureIndices) features.Add(Number(csv, i, path, line, header[i]));
            var label = csv.GetString(labelIndex).Trim();
            if (label.Length == 0) throw new CliException($"{path}:{line}: column '{header[labelIndex]}': missing label");
            if (!distinctLabels.TryGetValue(label, out var shared)) distinctLabels.Add(label, shared = label);
            labels.Add(shared);
            lines.Add(line);
        }, progress);
        if (labels.Count == 0) throw new CliException($"{path}: no data rows after the header");
        return new LabelledTable(path, featureIndices.Select(i => header[i]).ToArray(), header[labelIndex], ToMatrix(path, lines.Count, featureIndices.Length, features),
            labels.ToArray(), lines.ToArray());
    }

    /// <summary>
    /// Every column as a numeric feature, except <paramref name="ignoreColumn"/> when the file has it (its cells are
    /// not read): the input of a model that predicts, where the label may or may not be there.
    /// </summary>
    public static FeatureTable ReadFeatures(string path, string? ignoreColumn, IReadOnlyList<string>? featureColumns = null, Progress? progress = null)
    {
        var features = new Chunked<float>();
        var lines = new Chunked<int>();
        string[] header = [];
        int[] featureIndices = [];
        Scan(path, h =>
        {
            header = h;
            featureIndices = featureColumns is null
                ? Enumerable.Range(0, header.Length).Where(i => header[i] != ignoreColumn).ToArray()
                : Pick(path, header, featureColumns, ignoreColumn);
            if (featureIndices.Length == 0) throw new CliException($"{path}:1: no feature columns");
        }, (csv, line) =>
        {
            foreach (var i in featureIndices) features.Add(Number(csv, i, path, line, header[i]));
            lines.Add(line);
        }, progress);
        if (lines.Count == 0) throw new CliException($"{path}: no data rows after the header");
        return new FeatureTable(path, featureIndices.Select(i => header[i]).ToArray(), ToMatrix(path, lines.Count, featureIndices.Length, features), lines.ToArray());
    }

    static Matrix ToMatrix(string path, long rows, int cols, Chunked<float> values)
    {
        if (rows * cols > Array.MaxLength)
            throw new CliException($"{path}: {rows} rows of {cols} features are {rows * cols} numbers; at most {Array.MaxLength} fit in one array");
        return Matrix.Create((int)rows, cols, values, static (destination, v) => v.CopyTo(destination));
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

    /// <summary>Hands the trimmed header, then each record with its line, to the callers; ragged rows are errors.</summary>
    internal static void Scan(string path, Action<string[]> onHeader, Action<CsvReader, int> onRecord, Progress? progress)
    {
        InputFile.Require(path);
        using var reader = new StreamReader(path); // a StreamReader, so that a UTF-16 file with its byte order mark reads too
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
        var file = reader.BaseStream;
        var length = file.CanSeek ? file.Length : -1;
        if (length < 0) progress = null; // a pipe has no length to report against
        for (var records = 1; hasRow; hasRow = csv.Read(), records++)
        {
            var line = (int)csv.LineNumber;
            if (csv.FieldCount != header.Length)
                throw new CliException($"{path}:{line}: has {csv.FieldCount} fields, the header has {header.Length}");
            onRecord(csv, line);
            if (progress is not null && records % 4096 == 0) progress(file.Position, length);
        }
        progress?.Invoke(length, length);
    }

    /// <summary>
    /// The number in field <paramref name="index"/>: parsed from its UTF-8 bytes when they are one, else (and for
    /// every error) from its text trimmed as before, so the accepted numbers and the messages are the same.
    /// </summary>
    static float Number(CsvReader csv, int index, string path, int line, string column)
    {
        var bytes = csv.GetSpan(index);
        if (DecimalParser.TryParse(bytes[Ascii.Trim(bytes)], out var v) && float.IsFinite(v)) return v;
        return Number(path, line, column, csv.GetString(index).Trim());
    }

    static float Number(string path, int line, string column, string cell)
    {
        if (string.IsNullOrEmpty(cell)) throw new CliException($"{path}:{line}: column '{column}': missing value");
        if (!float.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !float.IsFinite(v))
            throw new CliException($"{path}:{line}: column '{column}': '{cell}' is not a number");
        return v;
    }
}
