namespace Pure.Shell.Plots;

/// <summary>
/// A GIF's global colour table: up to 256 colours, and for any colour the index of the nearest one in
/// squared RGB distance. One palette serves every frame of an animation, so frames never flicker between
/// palettes.
/// </summary>
public sealed class GifPalette
{
    public const int Size = 256;

    readonly byte[] rgb;
    readonly Dictionary<int, byte> nearest = [];

    /// <summary>A palette of the given colours (0xRRGGBB), at most 256; unused entries are black.</summary>
    public GifPalette(IReadOnlyList<int> colours)
    {
        if (colours.Count is 0 or > Size) throw new ArgumentException($"a GIF palette has 1 to {Size} colours, not {colours.Count}", nameof(colours));
        Count = colours.Count;
        rgb = new byte[3 * Size];
        for (var i = 0; i < colours.Count; i++)
            (rgb[3 * i], rgb[3 * i + 1], rgb[3 * i + 2]) = ((byte)(colours[i] >> 16), (byte)(colours[i] >> 8), (byte)colours[i]);
    }

    /// <summary>How many entries are real colours (the rest pad the table to 256).</summary>
    public int Count { get; }

    /// <summary>The table as r, g, b bytes, 768 of them.</summary>
    public ReadOnlySpan<byte> Rgb => rgb;

    /// <summary>The index of the colour nearest to 0xRRGGBB (the lowest index among equals).</summary>
    public byte Nearest(int colour)
    {
        // A chart has few distinct colours, each seen many times: search once per colour.
        if (nearest.TryGetValue(colour, out var found)) return found;
        int r = (colour >> 16) & 0xFF, g = (colour >> 8) & 0xFF, b = colour & 0xFF;
        var best = 0;
        var bestDistance = int.MaxValue;
        for (var i = 0; i < Count; i++)
        {
            int dr = rgb[3 * i] - r, dg = rgb[3 * i + 1] - g, db = rgb[3 * i + 2] - b;
            var d = dr * dr + dg * dg + db * db;
            if (d < bestDistance) (best, bestDistance) = (i, d);
        }
        return nearest[colour] = (byte)best;
    }
}
