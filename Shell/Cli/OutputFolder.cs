namespace Pure.Shell.Cli;

/// <summary>A folder for output files, created if needed; failure is bad input naming the option.</summary>
public static class OutputFolder
{
    public static void Create(string option, string folder)
    {
        try
        {
            if (File.Exists(folder)) throw new CliException($"{option} {folder}: is a file, not a folder");
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{option} {folder}: cannot create the folder ({e.Message})");
        }
    }
}
