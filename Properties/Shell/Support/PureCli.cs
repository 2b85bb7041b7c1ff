namespace Pure.Properties.Support;

/// <summary>
/// Runs the <c>pure</c> command line in this process: <see cref="Pure.Shell.Program.Run"/> with writers of its
/// own, so that runs on parallel test threads do not share an output.
/// </summary>
public static class PureCli
{
    /// <summary>What a run of <c>pure</c> ended with, in-process or as a real process.</summary>
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = Pure.Shell.Program.Run(args, stdout, stderr);
        return new Result(exitCode, stdout.ToString(), stderr.ToString());
    }
}
