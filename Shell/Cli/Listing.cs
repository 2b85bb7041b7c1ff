namespace Pure.Shell.Cli;

/// <summary>Lists in error messages, cut short: a message stays one readable line even for a file of 5 000 columns.</summary>
public static class Listing
{
    /// <summary>The first <paramref name="most"/> items, comma-separated, then how many more there are.</summary>
    public static string Few(IEnumerable<string> items, int most = 12)
    {
        var all = items.ToArray();
        return all.Length <= most ? string.Join(", ", all) : $"{string.Join(", ", all[..most])}, … and {all.Length - most} more";
    }
}
