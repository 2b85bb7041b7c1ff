using System.Globalization;
using System.Text.RegularExpressions;

namespace Pure.Shell.Cli;

/// <summary>Sizes in bytes as people write them: 512M, 4G, 1.5GiB, 2000000 (K, M, G, T are powers of 1024).</summary>
public static partial class ByteSize
{
    [GeneratedRegex(@"^\s*(?<n>\d+(\.\d+)?)\s*(?<unit>[KMGT]?)(i?B)?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    /// <summary>The size <paramref name="text"/> names, or a usage error naming <paramref name="option"/>.</summary>
    public static long Parse(string option, string text)
    {
        var match = Pattern().Match(text);
        var shift = match.Success ? "KMGT".IndexOf(char.ToUpperInvariant(match.Groups["unit"].Value.FirstOrDefault('B'))) + 1 : 0;
        var bytes = match.Success ? double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture) * Math.Pow(1024, shift) : double.NaN;
        if (!(bytes >= 1 && bytes < 1L << 62))
            throw new CliException($"{option}: '{text}' is not a size (e.g. 512M, 4G, 1.5GiB; K, M, G and T are powers of 1024)");
        return (long)bytes;
    }

    /// <summary>A size for messages: 1.5 GiB, 730 MiB, 12 KiB.</summary>
    public static string Format(long bytes)
    {
        string[] units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB"];
        var value = (double)bytes;
        var unit = 0;
        for (; value >= 1024 && unit < units.Length - 1; unit++) value /= 1024;
        return unit == 0 ? $"{bytes} bytes" : string.Create(CultureInfo.InvariantCulture, $"{value:0.#} {units[unit]}");
    }
}
