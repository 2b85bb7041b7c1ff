namespace Pure.Shell.Cli;

/// <summary>The CLI's exit codes: 0 done, 1 the run failed (e.g. the loss diverged), 2 bad input or usage.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadInput = 2;
}

/// <summary>A user-facing failure: one line for stderr and the exit code that goes with it.</summary>
public sealed class CliException(string message, int exitCode = ExitCodes.BadInput) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
