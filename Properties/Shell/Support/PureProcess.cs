using System.Diagnostics;

namespace Pure.Properties.Support;

/// <summary>
/// Runs the real <c>pure</c> executable (built beside the tests) as a separate process, for what only a process
/// has: its exit code, a signal, a run as a user makes it. Everything else runs in-process through <see cref="PureCli"/>.
/// </summary>
public static class PureProcess
{
    /// <summary>How to start <c>pure.dll</c> with <paramref name="args"/>: <c>dotnet</c>, or the given launcher words before it.</summary>
    public static ProcessStartInfo StartInfo(string[] args, string[]? prefix = null)
    {
        prefix ??= ["dotnet"];
        var start = new ProcessStartInfo(prefix[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var word in prefix[1..]) start.ArgumentList.Add(word);
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "pure.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        return start;
    }

    public static PureCli.Result Run(params string[] args) => RunIn(null, args);

    /// <summary>A real run with <paramref name="folder"/> as its current directory (null: this process's).</summary>
    public static PureCli.Result RunIn(string? folder, params string[] args) => RunWith(folder, new Dictionary<string, string>(), args);

    /// <summary>A real run with extra environment variables (what a library reads once per process, e.g. the OpenCL loader's).</summary>
    public static PureCli.Result RunWith(string? folder, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = StartInfo(args);
        if (folder is not null) start.WorkingDirectory = folder;
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return new PureCli.Result(process.ExitCode, stdout.Result, stderr);
    }
}
