using Pure.Shell.Cli;
using ScottPlot;
using SkiaSharp;

namespace Pure.Shell.Plots;

/// <summary>
/// How a chart becomes a PNG: one plot rendered by ScottPlot, or several plots drawn into regions of one
/// Skia canvas under a title band. Every chart goes through here, so files and byte outputs match.
/// </summary>
static class Figure
{
    public const int Width = 800;
    public const int Height = 550;

    /// <summary>Fonts at 800×550 and in the small panels of a grid, in pixels.</summary>
    public const float TitleSize = 20, LabelSize = 16, TickSize = 13, LegendSize = 13;
    public const float PanelTitleSize = 14, PanelLabelSize = 12, PanelTickSize = 11, PanelLegendSize = 11;

    public static byte[] Png(Plot plot, int width, int height)
    {
        Check(width, height);
        UseSans(plot);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    /// <summary>
    /// <paramref name="panels"/> row by row, <paramref name="columns"/> to a row, each in an equal cell,
    /// below <paramref name="title"/> (none when null).
    /// </summary>
    public static byte[] Png(string? title, IReadOnlyList<Plot> panels, int columns, int width, int height)
    {
        Check(width, height);
        if (panels.Count == 0) throw new ArgumentException("a figure needs at least one panel", nameof(panels));
        columns = Math.Clamp(columns, 1, panels.Count);
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException($"Skia could not make a {width}×{height} surface");
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        var top = title is null ? 0f : MathF.Ceiling(DrawTitle(canvas, title, width));
        var rows = (panels.Count + columns - 1) / columns;
        for (var i = 0; i < panels.Count; i++)
        {
            // Whole-pixel cells: a clip edge through the middle of a pixel would leave it part transparent.
            int left = i % columns * width / columns, right = (i % columns + 1) * width / columns;
            int upper = (int)top + i / columns * (height - (int)top) / rows, lower = (int)top + (i / columns + 1) * (height - (int)top) / rows;
            UseSans(panels[i]);
            // A plot clears its whole canvas before drawing: clip it to its cell.
            canvas.Save();
            canvas.ClipRect(new SKRect(left, upper, right, lower));
            panels[i].Render(canvas, new PixelRect(left, right, lower, upper));
            canvas.Restore();
        }
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>Writes the bytes to a temporary file beside <paramref name="path"/>, then renames it.</summary>
    public static void Save(string path, byte[] png) => AtomicFile.Write(path, temporary => File.WriteAllBytes(temporary, png));

    /// <summary>Title text and axis labels at the sizes this library uses for a full-size chart or a panel.</summary>
    public static void Style(Plot plot, string title, string xLabel, string yLabel, bool panel = false)
    {
        plot.Title(title, panel ? PanelTitleSize : TitleSize);
        plot.XLabel(xLabel, panel ? PanelLabelSize : LabelSize);
        plot.YLabel(yLabel, panel ? PanelLabelSize : LabelSize);
        foreach (var axis in plot.Axes.GetAxes())
            axis.TickLabelStyle.FontSize = panel ? PanelTickSize : TickSize;
        plot.Legend.FontSize = panel ? PanelLegendSize : LegendSize;
    }

    /// <summary>Draws the figure title centred at the top; returns the height of its band.</summary>
    static float DrawTitle(SKCanvas canvas, string title, int width)
    {
        const float margin = 10;
        var label = new LabelStyle { Text = title, FontName = Sans, FontSize = TitleSize, Alignment = Alignment.UpperCenter };
        using var paint = Paint.NewDisposablePaint();
        var size = label.Measure(paint).Size;
        label.Render(canvas, new Pixel(width / 2f, margin), paint);
        return size.Height + 2 * margin;
    }

    /// <summary>
    /// A sans-serif family that is installed, or ScottPlot's default. ScottPlot falls back to whatever Skia
    /// reports, which on a bare Linux with only DejaVu is DejaVu Serif.
    /// </summary>
    public static string Sans => sans.Value;

    static readonly Lazy<string> sans = new(() =>
        new[] { "DejaVu Sans", "Liberation Sans", "Arial", "Helvetica", "Segoe UI", "Open Sans" }
            .FirstOrDefault(name => Fonts.GetTypeface(name, bold: false, italic: false)?.FamilyName == name) ?? Fonts.Default);

    static void UseSans(Plot plot)
    {
        plot.Font.Set(Sans);
        plot.Legend.FontName = Sans;
    }

    static void Check(int width, int height)
    {
        if (width < 100 || height < 100 || width > 10_000 || height > 10_000)
            throw new ArgumentOutOfRangeException(nameof(width), $"{width}×{height}: a chart is 100 to 10000 pixels a side");
    }
}
