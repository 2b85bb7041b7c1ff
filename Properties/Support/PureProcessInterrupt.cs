using System.Diagnostics;

namespace Pure.Properties.Support;

/// <summary>Runs <c>pure</c> and sends it SIGINT (Ctrl+C) once a line of its output satisfies a condition.</summary>
public static class PureProcessInterrupt
{
    public static PureProcess.Result RunAndInterrupt(Func<string, bool> when, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "pure.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = new System.Text.StringBuilder();
        var sent = false;
        while (process.StandardOutput.ReadLine() is { } line)
        {
            stdout.AppendLine(line);
            if (sent || !when(line)) continue;
            using var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            kill.WaitForExit();
            sent = true;
        }
        process.WaitForExit();
        return new PureProcess.Result(process.ExitCode, stdout.ToString(), stderr.Result);
    }
}
