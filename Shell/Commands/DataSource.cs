using Pure.Shell.Cli;

namespace Pure.Shell.Commands;

/// <summary>Where eval and predict read their rows: a CSV file, or an IDX folder's test split (--data); exactly one.</summary>
public sealed record DataSource(string? File, string? Folder)
{
    /// <param name="csvOnly">an option given that only a CSV takes (its name), refused with --data</param>
    public static DataSource Of(string command, string? file, string? folder, string? csvOnly = null)
    {
        if ((file is null) == (folder is null)) throw new CliException($"{command}: give a CSV file or --data FOLDER (one of them)");
        if (folder is not null && csvOnly is not null) throw new CliException($"{csvOnly} picks CSV columns; it does not apply to --data");
        return new DataSource(file, folder);
    }
}
