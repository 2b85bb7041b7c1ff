namespace Pure.Shell.Cli;

/// <summary>
/// An option the composition root reads before the command line is parsed (the backend is built first):
/// the text after <c>NAME VALUE</c> or <c>NAME=VALUE</c>, "" for a name with nothing after it, null when absent.
/// </summary>
public static class EarlyOption
{
    public static string? Value(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == name) return i + 1 < args.Count ? args[i + 1] : "";
            if (args[i].StartsWith(name + "=", StringComparison.Ordinal)) return args[i][(name.Length + 1)..];
        }
        return null;
    }
}
