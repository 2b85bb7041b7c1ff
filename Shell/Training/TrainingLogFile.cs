using System.Globalization;
using Pure.Shell.Cli;
using Pure.Shell.Csv;

namespace Pure.Shell.Training;

/// <summary>Reads back a <c>--log</c> file (<see cref="TrainingLog"/>'s columns), for <c>pure plot</c>; anything else is refused by line and column.</summary>
public static class TrainingLogFile
{
    public static readonly string[] Columns = ["epoch", "loss", "accuracy", "val_loss", "val_accuracy", "seconds"];

    /// <summary>Larger than any log pure writes (a million epochs is about 60 MB): past it, not a log.</summary>
    public const long MostBytes = 256L << 20;

    public static IReadOnlyList<EpochReport> Read(string path)
    {
        InputFile.Require(path);
        // a device (/dev/zero) or a pipe never ends, and a huge file would be read as one header line
        if (FileIdentity.Of(path) != FileIdentity.Kind.RegularFile) throw new CliException($"{path}: is not a regular file (a device, a pipe or a socket)");
        if (new FileInfo(path).Length > MostBytes) throw new CliException($"{path}: {new FileInfo(path).Length:N0} bytes is not a training log (pure train --log writes about 60 bytes an epoch)");
        var rows = new List<EpochReport>();
        CsvTableReader.Scan(path, header =>
        {
            if (!header.SequenceEqual(Columns))
                throw new CliException($"{path}:1: not a training log (its header is {string.Join(",", header)}; pure train --log writes {string.Join(",", Columns)})");
        }, (csv, line) =>
        {
            double? Cell(int i, bool required)
            {
                var text = csv.GetString(i).Trim();
                if (text.Length == 0)
                    return required ? throw new CliException($"{path}:{line}: column '{Columns[i]}': missing value") : null;
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
                    ? v : throw new CliException($"{path}:{line}: column '{Columns[i]}': '{text}' is not a number");
            }
            var epoch = Cell(0, true)!.Value;
            if (epoch != Math.Floor(epoch) || epoch < 1 || epoch > int.MaxValue) throw new CliException($"{path}:{line}: column 'epoch': '{epoch}' is not an epoch number");
            if (rows.Count > 0 && epoch <= rows[^1].Epoch) throw new CliException($"{path}:{line}: epoch {epoch} comes after epoch {rows[^1].Epoch}");
            rows.Add(new EpochReport((int)epoch, Cell(1, true)!.Value, Cell(2, false), Cell(3, false), Cell(4, false), Cell(5, false) ?? 0));
        }, null);
        if (rows.Count == 0) throw new CliException($"{path}: the log has no epochs");
        return rows;
    }
}
