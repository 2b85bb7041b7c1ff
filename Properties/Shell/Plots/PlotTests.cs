using Pure.Core.Activations;
using Pure.Properties.Support;
using Pure.Shell.Plots;
using SkiaSharp;

namespace Pure.Properties;

/// <summary>
/// Charts and animations written to files: the requested size, real content (many colours), the right way up,
/// nothing half-written left behind, and GIFs that an independent decoder (Skia's) reads back as the frames
/// we quantised.
/// </summary>
public class PlotTests
{
    static readonly double[] Epochs = Enumerable.Range(1, 30).Select(i => (double)i).ToArray();

    static readonly IReadOnlyList<Series> Curves =
    [
        new("sgd", Epochs, Epochs.Select(e => 2 * Math.Exp(-e / 10)).ToArray()),
        new("adam", Epochs, Epochs.Select(e => 2 * Math.Exp(-e / 4) + 0.01).ToArray()),
    ];

    [Fact]
    public void Lines_writes_a_png_of_the_requested_size()
    {
        var path = Write("lines.png", p => Charts.Lines(p, "loss", "epoch", "loss", Curves, width: 640, height: 420));
        AssertChart(path, 640, 420);
    }

    [Fact]
    public void Lines_on_a_log_axis_writes_a_png_and_leaves_out_non_positive_values()
    {
        Series withZero = new("zero at the end", [1, 2, 3], [1, 0.1, 0]);
        var path = Write("log.png", p => Charts.Lines(p, "loss", "epoch", "loss", [.. Curves, withZero], logY: true));
        AssertChart(path, 800, 550);
    }

    [Fact]
    public void Log_ticks_label_decades_and_add_2_and_5_inside_one_decade()
    {
        var wide = LabelsOf(LogScale.Ticks(-3.1, 0.2));
        Assert.Equal(["0.001", "0.01", "0.1", "1"], wide);
        var oneDecade = LabelsOf(LogScale.Ticks(Math.Log10(0.04), Math.Log10(0.9)));
        Assert.Equal(["0.05", "0.1", "0.2", "0.5"], oneDecade);
        var noDecade = LabelsOf(LogScale.Ticks(Math.Log10(0.15), Math.Log10(0.95)));
        Assert.Equal(["0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9"], noDecade);
        Assert.Equal("1e-7", LogScale.Label(1, -7));
    }

    [Fact]
    public void Training_curves_write_two_panels_and_cope_without_accuracy()
    {
        var rows = Enumerable.Range(1, 20)
            .Select(e => (e, 1.0 / e, (double?)(1 - 0.5 / e), (double?)(1.2 / e), (double?)(0.9 - 0.5 / e))).ToList();
        AssertChart(Write("curves.png", p => Charts.TrainingCurves(p, "run", rows)), 1100, 550);
        var lossOnly = rows.Select(r => (r.Item1, r.Item2, (double?)null, (double?)null, (double?)null)).ToList();
        AssertChart(Write("loss.png", p => Charts.TrainingCurves(p, "run", lossOnly, width: 500, height: 300)), 500, 300);
    }

    [Fact]
    public void Activation_gallery_draws_every_activation()
    {
        var path = Write("gallery.png", p => Charts.ActivationGallery(p, Activation.All, width: 900, height: 640));
        AssertChart(path, 900, 640);
    }

    [Fact]
    public void Decision_boundary_puts_high_y_at_the_top()
    {
        // P(class 1) is 1 in the upper half of the grid and 0 in the lower: the top of the data area must be
        // the class-1 colour (orange, red above blue) and the bottom the class-0 colour (blue).
        var grid = Grid.Sample(-1, 1, -1, 1, 20, 20, (_, y) => y > 0 ? 1 : 0);
        Point2[] points = [new(-0.5, 0.5, 1), new(0.5, -0.5, 0), new(0, 0.8, 2)];
        var path = Write("boundary.png", p => Charts.DecisionBoundary(p, "boundary", grid, points, new Line2(0, 1, 0, "y = 0")));
        var (width, height, rgb) = AssertChart(path, 800, 550);
        var top = rgb[(int)(0.15 * height) * width + (int)(0.3 * width)];
        var bottom = rgb[(int)(0.7 * height) * width + (int)(0.3 * width)];
        Assert.True(Red(top) > Blue(top) + 60, $"top {top:X6} should be orange");
        Assert.True(Blue(bottom) > Red(bottom) + 60, $"bottom {bottom:X6} should be blue");
    }

    [Fact]
    public void Decision_boundary_with_a_line_outside_the_area_still_draws()
    {
        var grid = Grid.Sample(0, 1, 0, 1, 4, 4, (x, y) => (x + y) / 2);
        var png = Charts.DecisionBoundaryPng("missed", grid, [new(0.5, 0.5, 1)], new Line2(1, 0, -5, "x = 5"), 300, 200);
        Assert.Equal((300, 200), (Decode(png).Width, Decode(png).Height));
    }

    [Fact]
    public void Decision_boundary_png_bytes_match_the_file()
    {
        var grid = Grid.Sample(0, 1, 0, 1, 5, 5, (x, _) => x);
        Point2[] points = [new(0.2, 0.2, 0), new(0.8, 0.8, 1)];
        var bytes = Charts.DecisionBoundaryPng("t", grid, points, null, 400, 300);
        var path = Write("b.png", p => Charts.DecisionBoundary(p, "t", grid, points, null, 400, 300));
        Assert.Equal(Decode(bytes).Rgb, Decode(File.ReadAllBytes(path)).Rgb);
    }

    [Fact]
    public void A_perceptron_line_is_clipped_to_the_plot_area()
    {
        var segment = new Line2(1, -1, 0, "y = x").Clip(-2, 2, -1, 1);
        Assert.NotNull(segment);
        var ((x1, y1), (x2, y2)) = segment.Value;
        Assert.Equal((-1.0, -1.0), (Math.Min(x1, x2), Math.Min(y1, y2)));
        Assert.Equal((1.0, 1.0), (Math.Max(x1, x2), Math.Max(y1, y2)));
        Assert.Null(new Line2(0, 1, -5, "y = 5").Clip(-2, 2, -1, 1));
        Assert.Null(new Line2(0, 0, 1, "nothing").Clip(-2, 2, -1, 1));
        var vertical = new Line2(1, 0, -0.5, "x = 0.5").Clip(-2, 2, -1, 1)!.Value;
        Assert.Equal(0.5, vertical.From.X);
        Assert.Equal(2.0, Math.Abs(vertical.To.Y - vertical.From.Y), 12);
    }

    [Fact]
    public void Grouped_bars_write_a_png()
    {
        var path = Write("bars.png", p => Charts.Bars(p, "dead units", "layer", "share", ["1", "2", "3"],
            [new("he", [], [0.1, 0.2, 0.3]), new("normal", [], [0.3, 0.5, 0.7]), new("leaky", [], [0, 0, 0.01])]));
        AssertChart(path, 800, 550);
    }

    [Fact]
    public void Image_grid_draws_images_upright_on_one_diverging_scale()
    {
        // A 2×2 image: +1 at the top left, −1 elsewhere. Red (positive) must sit above and left of blue.
        (string, float[])[] images = [("a", [1, -1, -1, -1]), ("b", [0.5f, 0, 0, -0.5f])];
        var path = Write("grid.png", p => Charts.ImageGrid(p, "weights", images, 2, 2, 2));
        var (width, height, rgb) = AssertChart(path, 800, 550);
        var (red, blue) = (new List<(int X, int Y)>(), new List<(int X, int Y)>());
        for (var y = 0; y < height; y++)
        for (var x = 0; x < width / 2; x++) // the left image only
        {
            var c = rgb[y * width + x];
            if (Red(c) > Blue(c) + 60) red.Add((x, y));
            if (Blue(c) > Red(c) + 60) blue.Add((x, y));
        }
        Assert.True(red.Count > 100 && blue.Count > 300, $"{red.Count} red and {blue.Count} blue pixels");
        Assert.True(red.Average(p => p.Y) < blue.Average(p => p.Y), "the +1 pixel is in the top row");
        Assert.True(red.Average(p => p.X) < blue.Average(p => p.X), "the +1 pixel is in the left column");
    }

    [Fact]
    public void Image_grid_draws_one_pixel_wide_images()
    {
        (string, float[])[] columns = [("bias", [0, 0.5f, 1]), ("other", [1, 0.5f, 0])];
        var png = Charts.ImageGridPng("biases", columns, 1, 3, 2, 400, 300);
        var (_, _, rgb) = Decode(png);
        Assert.Contains(rgb, c => c == 0x000000); // the black cells of the grey scale are there
    }

    [Fact]
    public void A_failed_chart_leaves_no_file_and_no_temporary()
    {
        var dir = TestFiles.TempFolder();
        Assert.Throws<ArgumentException>(() =>
            Charts.Lines(Path.Combine(dir, "bad.png"), "t", "x", "y", [new Series("bad", [1, 2], [1])]));
        Assert.Empty(Directory.GetFileSystemEntries(dir));
    }

    [Fact]
    public void Gif_frames_decode_to_the_nearest_palette_colours_of_their_sources()
    {
        var grid = Grid.Sample(-1, 1, -1, 1, 12, 12, (x, y) => 1 / (1 + Math.Exp(-3 * (x + y))));
        Point2[] points = [new(-0.5, -0.5, 0), new(0.5, 0.5, 1)];
        var frames = Enumerable.Range(0, 3)
            .Select(i => Charts.DecisionBoundaryPng($"epoch {i}", grid, points, new Line2(1, 1, 0.1 * i, "boundary"), 320, 240))
            .Append(Noise(320, 240, seed: 7)) // random pixels: far more than 4096 LZW codes, so the table resets
            .ToList();
        var path = Write("anim.gif", p => Animation.Gif(p, frames, delayCentiseconds: 25));

        var gif = File.ReadAllBytes(path);
        Assert.Equal("GIF89a", System.Text.Encoding.ASCII.GetString(gif, 0, 6));
        var palette = Enumerable.Range(0, 256).Select(i => gif[13 + 3 * i] << 16 | gif[14 + 3 * i] << 8 | gif[15 + 3 * i]).ToArray();
        using var codec = SKCodec.Create(new SKMemoryStream(gif));
        Assert.Equal(frames.Count, codec.FrameCount);
        Assert.Equal((320, 240), (codec.Info.Width, codec.Info.Height));
        Assert.Equal(-1, codec.RepetitionCount); // Skia's "forever": NETSCAPE2.0 with a count of 0
        var info = new SKImageInfo(320, 240, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        for (var f = 0; f < frames.Count; f++)
        {
            Assert.Equal(250, codec.FrameInfo[f].Duration);
            var decoded = new byte[info.BytesSize];
            unsafe
            {
                fixed (byte* p = decoded)
                    Assert.Equal(SKCodecResult.Success, codec.GetPixels(info, (IntPtr)p, new SKCodecOptions(f)));
            }
            var source = Decode(frames[f]).Rgb;
            var totalError = 0.0;
            var best = new Dictionary<int, int>();
            for (var i = 0; i < source.Length; i++)
            {
                var got = decoded[4 * i] << 16 | decoded[4 * i + 1] << 8 | decoded[4 * i + 2];
                if (!best.TryGetValue(source[i], out var nearest))
                    best[source[i]] = nearest = palette.Min(p => Distance2(p, source[i]));
                Assert.True(Distance2(got, source[i]) == nearest,
                    $"frame {f} pixel {i}: {got:X6} is not a nearest palette colour to {source[i]:X6}");
                totalError += Math.Sqrt(nearest);
            }
            // Charts are a few hues: the shared palette renders them closely (noise cannot be).
            if (f < 3) Assert.True(totalError / source.Length < 3, $"frame {f}: mean error {totalError / source.Length:F2}");
        }
    }

    [Fact]
    public void A_gif_of_at_most_256_colours_is_lossless()
    {
        var frames = Enumerable.Range(0, 2).Select(seed => Noise(40, 30, seed, colours: 200)).ToList();
        using var gif = new MemoryStream(Animation.GifBytes(frames, 10));
        using var codec = SKCodec.Create(gif);
        var info = new SKImageInfo(40, 30, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        for (var f = 0; f < frames.Count; f++)
        {
            var decoded = new byte[info.BytesSize];
            unsafe
            {
                fixed (byte* p = decoded)
                    Assert.Equal(SKCodecResult.Success, codec.GetPixels(info, (IntPtr)p, new SKCodecOptions(f)));
            }
            var got = Enumerable.Range(0, 40 * 30).Select(i => decoded[4 * i] << 16 | decoded[4 * i + 1] << 8 | decoded[4 * i + 2]);
            Assert.Equal(Decode(frames[f]).Rgb, got);
        }
    }

    [Fact]
    public void Gif_frames_of_different_sizes_are_refused_and_nothing_is_written()
    {
        var dir = TestFiles.TempFolder();
        Assert.Throws<ArgumentException>(() =>
            Animation.Gif(Path.Combine(dir, "x.gif"), [Noise(10, 10, 1), Noise(11, 10, 2)], 10));
        Assert.Empty(Directory.GetFileSystemEntries(dir));
    }

    [Fact]
    public void Lzw_stream_of_an_empty_image_is_clear_then_end()
    {
        // 9-bit codes 256 (clear) and 257 (end), least significant bit first: 0x00 0x03 0x02.
        Assert.Equal([0x00, 0x03, 0x02], GifEncoder.Compress([]));
    }

    /// <summary>Runs <paramref name="write"/> on a file in a fresh folder; checks it left exactly that file.</summary>
    static string Write(string name, Action<string> write)
    {
        var dir = TestFiles.TempFolder();
        var path = Path.Combine(dir, name);
        write(path);
        Assert.Equal([name], Directory.GetFileSystemEntries(dir).Select(Path.GetFileName));
        return path;
    }

    /// <summary>The file is a PNG of the size asked for with more than a handful of colours.</summary>
    static (int Width, int Height, int[] Rgb) AssertChart(string path, int width, int height)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        var image = Decode(bytes);
        Assert.Equal((width, height), (image.Width, image.Height));
        var distinct = image.Rgb.Distinct().Count();
        Assert.True(distinct > 16, $"only {distinct} distinct colours");
        return image;
    }

    static (int Width, int Height, int[] Rgb) Decode(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        var info = new SKImageInfo(bitmap.Width, bitmap.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var rgba = new byte[info.BytesSize];
        using var pixmap = bitmap.PeekPixels();
        unsafe
        {
            fixed (byte* p = rgba) Assert.True(pixmap.ReadPixels(info, (IntPtr)p, info.RowBytes));
        }
        var rgb = new int[bitmap.Width * bitmap.Height];
        for (var i = 0; i < rgb.Length; i++)
        {
            Assert.Equal(255, rgba[4 * i + 3]);
            rgb[i] = rgba[4 * i] << 16 | rgba[4 * i + 1] << 8 | rgba[4 * i + 2];
        }
        return (bitmap.Width, bitmap.Height, rgb);
    }

    /// <summary>An opaque PNG of random pixels, drawn from <paramref name="colours"/> colours (the same for every seed) if given.</summary>
    static byte[] Noise(int width, int height, int seed, int? colours = null)
    {
        var chooser = new Random(0);
        var choices = colours is { } n ? Enumerable.Range(0, n).Select(_ => chooser.Next(1 << 24)).ToArray() : null;
        var random = new Random(seed);
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        for (var y = 0; y < height; y++)
        for (var x = 0; x < width; x++)
        {
            var c = choices is null ? random.Next(1 << 24) : choices[random.Next(choices.Length)];
            bitmap.SetPixel(x, y, new SKColor((byte)(c >> 16), (byte)(c >> 8), (byte)c));
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    static IEnumerable<string> LabelsOf(IReadOnlyList<(double At, string? Label)> ticks) =>
        ticks.Where(t => t.Label is not null).Select(t => t.Label!);

    static int Red(int rgb) => (rgb >> 16) & 0xFF;
    static int Blue(int rgb) => rgb & 0xFF;

    static int Distance2(int a, int b)
    {
        int dr = ((a >> 16) & 0xFF) - ((b >> 16) & 0xFF), dg = ((a >> 8) & 0xFF) - ((b >> 8) & 0xFF), db = (a & 0xFF) - (b & 0xFF);
        return dr * dr + dg * dg + db * db;
    }
}
