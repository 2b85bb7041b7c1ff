namespace Pure.Shell.Cli;

/// <summary>A path the command will read: missing and "a folder, not a file" are different mistakes, said as such.</summary>
public static class InputFile
{
    /// <summary>Throws bad input unless <paramref name="path"/> is an existing file; <paramref name="option"/> prefixes the message.</summary>
    public static void Require(string path, string? option = null)
    {
        if (File.Exists(path)) return;
        var prefix = option is null ? "" : option + ": ";
        if (path == "-") throw new CliException($"{prefix}-: reading from standard input is not supported; give the file's path", ExitCodes.BadInput);
        throw new CliException(Directory.Exists(path) ? $"{prefix}{path}: is a folder, not a file" : $"{prefix}{path}: no such file", ExitCodes.BadInput);
    }
}
