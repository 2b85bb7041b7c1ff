using System.Runtime.InteropServices;

namespace Pure.Shell.Cli;

/// <summary>
/// Ctrl+C (SIGINT), SIGTERM (timeout, docker stop, systemd) and SIGHUP (a closed terminal) ask a run to stop
/// cleanly: the first one is remembered and the run finishes its epoch, checkpoints and exits with 128 + the
/// signal's number (130, 143, 129); a second one ends the process at once.
/// </summary>
public sealed class StopSignals : IDisposable
{
    readonly PosixSignalRegistration[] registrations;
    int exitCode;

    public StopSignals()
    {
        registrations = new[] { (PosixSignal.SIGINT, 130), (PosixSignal.SIGTERM, 143), (PosixSignal.SIGHUP, 129) }
            .Select(s => PosixSignalRegistration.Create(s.Item1, context =>
            {
                // cancel the default (ending the process) only for the first signal
                context.Cancel = Interlocked.CompareExchange(ref exitCode, s.Item2, 0) == 0;
            }))
            .ToArray();
    }

    /// <summary>The exit code the first signal asks for, or null while none has come.</summary>
    public int? Requested => Volatile.Read(ref exitCode) is var code and not 0 ? code : null;

    public void Dispose()
    {
        foreach (var registration in registrations) registration.Dispose();
    }
}
