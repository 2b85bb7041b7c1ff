using System.Globalization;

namespace Pure.Shell.Cli;

/// <summary>
/// <c>--threads N</c>, read before the backend is built (the option is also declared on the root command, so
/// it parses and shows in --help). The default is the machine's cores; results are the same for every N.
/// </summary>
public static class ThreadCount
{
    public const string Option = "--threads";
    public const int Most = 1024;

    public static string Description => $"threads for the large products (default: this machine's {Environment.ProcessorCount} cores; results are bit-identical for any count)";

    /// <summary>The count the arguments ask for, the machine's cores when they do not, or a usage error.</summary>
    public static int From(IReadOnlyList<string> args)
    {
        var text = EarlyOption.Value(args, Option);
        if (text is null) return Environment.ProcessorCount;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > Most)
            throw new CliException($"{Option}: '{text}' is not a thread count (a whole number from 1 to {Most})");
        return n;
    }
}
