using System.Diagnostics;

namespace Pure.Properties.Support;

/// <summary>Runs the real <c>pure</c> executable (built beside the tests) as a separate process.</summary>
public static class PureProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

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

    public static Result Run(params string[] args)
    {
        using var process = Process.Start(StartInfo(args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return new Result(process.ExitCode, stdout.Result, stderr);
    }

    /// <summary>The repository's data folder (the tests run from Properties/bin/…).</summary>
    public static string Data(string file)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Pure.sln"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Pure.sln not found above the test binaries"), "data", file);
    }

    /// <summary>A fresh temporary folder for one test's files.</summary>
    public static string TempFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "pure-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
