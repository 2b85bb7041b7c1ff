namespace Pure.Shell.Cli;

/// <summary>Writes go to a temporary file beside the target, then a rename: never a half-written file.</summary>
public static class AtomicFile
{
    public static void WriteAllText(string path, string contents) => Write(path, tmp => File.WriteAllText(tmp, contents));

    /// <summary>
    /// Refuses, before any work is done, a target that is empty, a folder, in a missing folder, or in a folder
    /// where a file cannot be created (probed by creating and deleting the temporary file). "-" is refused by name:
    /// it would otherwise become a file called "-", where the user meant standard output.
    /// </summary>
    public static void CheckTarget(string option, string path)
    {
        if (path == "-")
            throw new CliException($"{option} -: writing to standard output is not supported; give a file's path", ExitCodes.BadInput);
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
        RemoveStale(full);
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

    /// <summary>
    /// Removes temporary files of our own naming for <paramref name="full"/> left by a process that no longer
    /// runs (killed during a write): <c>.NAME.PID.GUID.tmp</c> beside the target.
    /// </summary>
    static void RemoveStale(string full)
    {
        var (folder, name) = (Path.GetDirectoryName(full)!, Path.GetFileName(full));
        foreach (var file in Directory.EnumerateFiles(folder, $".{name}.*.tmp"))
        {
            var parts = Path.GetFileName(file)[(name.Length + 2)..].Split('.');
            if (parts.Length != 3 || !int.TryParse(parts[0], out var pid) || parts[1].Length != 32 || IsRunning(pid)) continue;
            try
            {
                File.Delete(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // another run may be removing it too; a file that stays is only clutter
            }
        }
    }

    static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
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
