namespace Pure.Shell.Cli;

/// <summary>Writes go to a temporary file beside the target, then a rename: never a half-written file.</summary>
public static class AtomicFile
{
    public static void WriteAllText(string path, string contents) => Write(path, tmp => File.WriteAllText(tmp, contents));

    /// <summary>Refuses, before any work is done, a target that is a folder or whose folder does not exist.</summary>
    public static void CheckTarget(string option, string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full)) throw new CliException($"{option} {path}: is a folder, not a file");
        var directory = Path.GetDirectoryName(full);
        if (directory is null || !Directory.Exists(directory)) throw new CliException($"{option} {path}: the folder {directory} does not exist");
    }

    public static void Write(string path, Action<string> writeTemporary)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full)) throw new CliException($"{path}: is a folder, not a file");
        var directory = Path.GetDirectoryName(full);
        if (directory is null || !Directory.Exists(directory)) throw new CliException($"{path}: the folder {directory} does not exist");
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            writeTemporary(temporary);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
