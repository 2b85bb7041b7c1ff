namespace Pure.Shell.Cli;

/// <summary>Writes go to a temporary file beside the target, then a rename: never a half-written file.</summary>
public static class AtomicFile
{
    public static void WriteAllText(string path, string contents) => Write(path, tmp => File.WriteAllText(tmp, contents));

    /// <summary>
    /// Refuses, before any work is done, a target that is empty, a folder, in a missing folder, or in a folder
    /// where a file cannot be created (probed by creating and deleting the temporary file).
    /// </summary>
    public static void CheckTarget(string option, string path)
    {
        var (_, temporary) = Resolve(option, path);
        Guard(option, path, () =>
        {
            using (File.Create(temporary)) { }
            File.Delete(temporary);
        });
    }

    public static void Write(string path, Action<string> writeTemporary)
    {
        var (full, temporary) = Resolve("", path);
        try
        {
            Guard("", path, () =>
            {
                writeTemporary(temporary);
                File.Move(temporary, full, overwrite: true);
            });
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    static (string Full, string Temporary) Resolve(string option, string path)
    {
        var name = option.Length == 0 ? path : $"{option} {path}";
        if (string.IsNullOrWhiteSpace(path)) throw new CliException($"{option}: the file name is empty".TrimStart());
        // an existing target is written where it really is, so a symbolic link stays a link to the new contents
        var full = File.Exists(path) ? FileIdentity.Resolved(path) : Path.GetFullPath(path);
        switch (FileIdentity.Of(full))
        {
            case FileIdentity.Kind.Directory: throw new CliException($"{name}: is a folder, not a file");
            case FileIdentity.Kind.Other: throw new CliException($"{name}: is not a regular file (a device, a pipe or a socket); refusing to replace it");
        }
        var directory = Path.GetDirectoryName(full);
        if (directory is null || !Directory.Exists(directory)) throw new CliException($"{name}: the folder {directory} does not exist");
        return (full, Path.Combine(directory, $".{Path.GetFileName(full)}.{UniqueSuffix()}.tmp"));
    }

    /// <summary>Unique per call, not just per process: several runs in one process (tests, a host) may probe the same folder at once.</summary>
    internal static string UniqueSuffix() => $"{Environment.ProcessId}.{Guid.NewGuid():N}";

    static void Guard(string option, string path, Action io)
    {
        try
        {
            io();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{(option.Length == 0 ? path : $"{option} {path}")}: cannot write there ({e.Message.ReplaceLineEndings(" ")})");
        }
    }
}
