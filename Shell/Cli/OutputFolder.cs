namespace Pure.Shell.Cli;

/// <summary>A folder for output files, created if needed; failure is bad input naming the option.</summary>
public static class OutputFolder
{
    public static void Create(string option, string folder)
    {
        if (string.IsNullOrWhiteSpace(folder)) throw new CliException($"{option}: the folder name is empty");
        try
        {
            if (File.Exists(folder)) throw new CliException($"{option} {folder}: is a file, not a folder");
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".probe.{AtomicFile.UniqueSuffix()}.tmp");
            using (File.Create(probe)) { }
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{option} {folder}: cannot write there ({e.Message.ReplaceLineEndings(" ")})");
        }
    }
}
