using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Pure.Properties.Support;

/// <summary>Runs <c>pure</c> and sends it SIGINT (Ctrl+C) once a line of its output satisfies a condition.</summary>
public static partial class PureProcessInterrupt
{
    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    const int SigInt = 2;

    public static PureCli.Result RunAndInterrupt(Func<string, bool> when, params string[] args) => RunAndSignal(SigInt, when, args);

    /// <summary>Runs <c>pure</c> and sends it <paramref name="signal"/> once a line of its output satisfies <paramref name="when"/>.</summary>
    public static PureCli.Result RunAndSignal(int signal, Func<string, bool> when, params string[] args)
    {
        // A runner started in the background inherits SIGINT as ignored, and a child keeps that disposition;
        // env --default-signal restores every default so that pure's handlers can see the signal.
        var start = PureProcess.StartInfo(args, prefix: ["env", "--default-signal", "dotnet"]);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = new System.Text.StringBuilder();
        var sent = false;
        while (process.StandardOutput.ReadLine() is { } line)
        {
            stdout.AppendLine(line);
            if (sent || !when(line)) continue;
            if (Kill(process.Id, signal) != 0) throw new InvalidOperationException($"kill({process.Id}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
            sent = true;
        }
        process.WaitForExit();
        return new PureCli.Result(process.ExitCode, stdout.ToString(), stderr.Result);
    }
}
