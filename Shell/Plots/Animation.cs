using SkiaSharp;

namespace Pure.Shell.Plots;

/// <summary>Animated GIFs from PNG frames (e.g. <see cref="Charts.DecisionBoundaryPng"/> once per epoch).</summary>
public static class Animation
{
    /// <summary>
    /// Writes the frames, all of one size, as a GIF that loops forever, showing each for
    /// <paramref name="delayCentiseconds"/> hundredths of a second. All frames share one 256-colour palette
    /// (<see cref="MedianCut"/> over every frame's colours) and each pixel takes the nearest palette colour;
    /// transparency is laid over white.
    /// </summary>
    public static void Gif(string path, IReadOnlyList<byte[]> pngFrames, int delayCentiseconds) =>
        Figure.Save(path, GifBytes(pngFrames, delayCentiseconds));

    /// <summary>The animation of <see cref="Gif"/> as bytes.</summary>
    public static byte[] GifBytes(IReadOnlyList<byte[]> pngFrames, int delayCentiseconds)
    {
        if (pngFrames.Count == 0) throw new ArgumentException("an animation needs at least one frame", nameof(pngFrames));
        // Two passes, decoding each PNG twice, so that only one frame's colours are held at a time.
        var histogram = new Dictionary<int, long>();
        var (width, height) = (0, 0);
        for (var f = 0; f < pngFrames.Count; f++)
        {
            var (w, h, colours) = Decode(pngFrames[f]);
            if (f == 0) (width, height) = (w, h);
            else if ((w, h) != (width, height))
                throw new ArgumentException($"frame {f} is {w}×{h}, frame 0 is {width}×{height}", nameof(pngFrames));
            foreach (var c in colours) histogram[c] = histogram.GetValueOrDefault(c) + 1;
        }
        var palette = MedianCut.Palette(histogram);
        var indexed = pngFrames.Select(png => Array.ConvertAll(Decode(png).Colours, palette.Nearest)).ToArray();
        using var gif = new MemoryStream();
        GifEncoder.Write(gif, width, height, palette, indexed, delayCentiseconds);
        return gif.ToArray();
    }

    /// <summary>Decodes a PNG to 0xRRGGBB colours row by row, laid over white where it is transparent.</summary>
    public static (int Width, int Height, int[] Colours) Decode(byte[] png)
    {
        using var decoded = SKBitmap.Decode(png) ?? throw new ArgumentException("a frame is not a readable PNG", nameof(png));
        // One known layout whatever the PNG held: 8-bit RGBA, not premultiplied.
        var info = new SKImageInfo(decoded.Width, decoded.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var rgba = new byte[info.BytesSize];
        using var source = decoded.PeekPixels();
        unsafe
        {
            fixed (byte* pixels = rgba)
                if (!source.ReadPixels(info, (IntPtr)pixels, info.RowBytes))
                    throw new InvalidOperationException("Skia could not convert a frame to RGBA");
        }
        var colours = new int[info.Width * info.Height];
        for (var i = 0; i < colours.Length; i++)
        {
            var a = rgba[4 * i + 3];
            // Over white: c·α/255 + (255 − α).
            int Over(byte c) => a == 255 ? c : (int)Math.Round(c * a / 255.0 + 255 - a);
            colours[i] = Over(rgba[4 * i]) << 16 | Over(rgba[4 * i + 1]) << 8 | Over(rgba[4 * i + 2]);
        }
        return (info.Width, info.Height, colours);
    }
}
