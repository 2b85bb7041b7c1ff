namespace Pure.Shell.Plots;

/// <summary>
/// Heckbert's median cut (1982) over a colour histogram: start with one box around every colour, and
/// while there are fewer than 256 boxes split the box with the longest side at the pixel-weighted median
/// along that side; each box's colour is its pixels' mean. A chart with 256 colours or fewer keeps them
/// exactly. Chosen over a fixed colour cube because charts are mostly smooth ramps of a few hues (a
/// probability map, a colour bar), which a cube renders as bands of unrelated colours.
/// </summary>
public static class MedianCut
{
    /// <summary>The palette for a histogram of 0xRRGGBB colours and their pixel counts.</summary>
    public static GifPalette Palette(IReadOnlyDictionary<int, long> histogram, int size = GifPalette.Size)
    {
        if (histogram.Count == 0) return new GifPalette([0]);
        var colours = histogram.Keys.ToArray();
        if (colours.Length <= size) return new GifPalette(colours);
        var boxes = new List<(int Start, int End)> { (0, colours.Length) };
        while (boxes.Count < size)
        {
            var (index, channel, side) = (-1, 0, 0);
            for (var i = 0; i < boxes.Count; i++)
                if (LongestSide(colours, boxes[i]) is var (c, s) && s > side) (index, channel, side) = (i, c, s);
            if (index < 0) break; // every box is one colour
            var (start, end) = boxes[index];
            var slice = colours[start..end];
            var keys = slice.Select(c => Channel(c, channel)).ToArray();
            Array.Sort(keys, slice);
            slice.CopyTo(colours, start);
            var split = start + WeightedMedian(keys, slice.Select(c => histogram[c]).ToArray());
            boxes[index] = (start, split);
            boxes.Add((split, end));
        }
        return new GifPalette(boxes.Select(box => Mean(colours, histogram, box)).ToArray());
    }

    /// <summary>
    /// Where to split colours sorted by <paramref name="keys"/> (at least two distinct values): at the edge of
    /// the run of equal keys that holds the pixel-weighted median, the nearer edge that leaves both halves
    /// non-empty, so no colour value lies on both sides.
    /// </summary>
    static int WeightedMedian(int[] keys, long[] counts)
    {
        var half = counts.Sum() / 2.0;
        long seen = 0;
        var at = 0;
        while (at < keys.Length - 1 && seen + counts[at] <= half) seen += counts[at++];
        var (down, up) = (at, at);
        while (down > 0 && keys[down - 1] == keys[at]) down--;
        while (up < keys.Length && keys[up] == keys[at]) up++;
        if (down == 0) return up;
        if (up == keys.Length) return down;
        return at - down <= up - at ? down : up;
    }

    static (int Channel, int Side) LongestSide(int[] colours, (int Start, int End) box)
    {
        var best = (Channel: 0, Side: 0);
        for (var channel = 0; channel < 3; channel++)
        {
            int lo = 255, hi = 0;
            for (var i = box.Start; i < box.End; i++)
            {
                var v = Channel(colours[i], channel);
                lo = Math.Min(lo, v);
                hi = Math.Max(hi, v);
            }
            if (hi - lo > best.Side) best = (channel, hi - lo);
        }
        return best;
    }

    static int Mean(int[] colours, IReadOnlyDictionary<int, long> histogram, (int Start, int End) box)
    {
        double r = 0, g = 0, b = 0, n = 0;
        for (var i = box.Start; i < box.End; i++)
        {
            var w = (double)histogram[colours[i]];
            (r, g, b, n) = (r + w * Channel(colours[i], 0), g + w * Channel(colours[i], 1), b + w * Channel(colours[i], 2), n + w);
        }
        int Round(double v) => (int)Math.Round(v / n);
        return Round(r) << 16 | Round(g) << 8 | Round(b);
    }

    static int Channel(int colour, int channel) => (colour >> (16 - 8 * channel)) & 0xFF;
}
