using ScottPlot;

namespace Pure.Shell.Plots;

public static partial class Charts
{
    /// <summary>
    /// Small images side by side, <paramref name="columns"/> to a row, each captioned, on one shared colour
    /// scale with a colour bar (first-layer weights, class prototypes). Pixels are row-major,
    /// <paramref name="width"/> × <paramref name="height"/>, row 0 at the top. Values with both signs get a
    /// diverging scale symmetric about 0 (blue negative, red positive); non-negative values a grey scale.
    /// </summary>
    public static void ImageGrid(string path, string title, IReadOnlyList<(string Caption, float[] Pixels)> images,
        int width, int height, int columns, int figureWidth = Figure.Width, int figureHeight = Figure.Height) =>
        Figure.Save(path, ImageGridPng(title, images, width, height, columns, figureWidth, figureHeight));

    /// <summary>The chart of <see cref="ImageGrid"/> as PNG bytes.</summary>
    public static byte[] ImageGridPng(string title, IReadOnlyList<(string Caption, float[] Pixels)> images,
        int width, int height, int columns, int figureWidth = Figure.Width, int figureHeight = Figure.Height)
    {
        if (images.Count == 0) throw new ArgumentException("no images to draw", nameof(images));
        if (width < 1 || height < 1) throw new ArgumentOutOfRangeException(nameof(width), $"{width}×{height}: an image needs pixels");
        foreach (var (caption, pixels) in images)
            if (pixels.Length != width * height)
                throw new ArgumentException($"image \"{caption}\" has {pixels.Length} pixels, not {width}×{height}", nameof(images));
        columns = Math.Clamp(columns, 1, images.Count);
        var rows = (images.Count + columns - 1) / columns;

        var finite = images.SelectMany(i => i.Pixels).Where(float.IsFinite).DefaultIfEmpty(0).ToArray();
        var (min, max) = ((double)finite.Min(), (double)finite.Max());
        var diverging = min < 0 && max > 0;
        var range = diverging ? new ScottPlot.Range(-Math.Max(-min, max), Math.Max(-min, max))
            : max > min ? new ScottPlot.Range(min, max) : new ScottPlot.Range(min - 0.5, min + 0.5);
        IColormap colormap = diverging ? RedBlue : new ScottPlot.Colormaps.Grayscale();

        using var plot = new Plot();
        plot.Title(title, Figure.TitleSize);
        // Cells are laid out in data units, one unit an image pixel, in a data area of fixed padding (room for the
        // title above and the colour bar on the right); the caption band and the gaps are sized in screen pixels
        // from the scale that area gives: rows·(height·scale + caption + gap) = area height, likewise across.
        const float padLeft = 15, padRight = 130, padBottom = 10, padTop = 50;
        const double captionPixels = 22, gapPixels = 12;
        var scale = Math.Min(
            (figureWidth - padLeft - padRight - columns * gapPixels) / (columns * width),
            (figureHeight - padTop - padBottom - rows * (captionPixels + gapPixels)) / (rows * height));
        if (scale < 1) throw new ArgumentException($"{images.Count} images of {width}×{height} do not fit in {figureWidth}×{figureHeight}", nameof(images));
        var captionBand = captionPixels / scale;
        var gap = gapPixels / scale;
        var cellWidth = width + gap;
        var cellHeight = height + captionBand + gap;
        ScottPlot.Plottables.Heatmap? first = null;
        for (var i = 0; i < images.Count; i++)
        {
            var (caption, pixels) = images[i];
            var left = i % columns * cellWidth;
            var top = -(i / columns) * cellHeight;
            // ScottPlot sizes cells from an extent as extent / (cells − 1): an image one pixel wide or tall is
            // drawn with each pixel split in 2 × 2.
            var k = width == 1 || height == 1 ? 2 : 1;
            var values = new double[height * k, width * k];
            for (var r = 0; r < height * k; r++)
            for (var c = 0; c < width * k; c++)
                values[r, c] = pixels[r / k * width + c / k] is var v && float.IsFinite(v) ? v : double.NaN;
            var map = plot.Add.Heatmap(values);
            map.Colormap = colormap;
            map.ManualRange = range;
            // With an extent ScottPlot adds one cell to the right and top and, aligned lower-left, puts the image
            // exactly on [left, left + width] × [top − height, top]; row 0 is drawn at the top, as in an image.
            map.CellAlignment = Alignment.LowerLeft;
            map.Extent = new CoordinateRect(left, left + width - 1.0 / k, top - height, top - 1.0 / k);
            first ??= map;
            // A thin frame: pixels at the scale's white would otherwise merge with the background.
            var frame = plot.Add.Rectangle(left, left + width, top - height, top);
            frame.FillColor = Colors.Transparent;
            frame.LineColor = Colors.Grey;
            frame.LineWidth = 1;
            var text = plot.Add.Text(caption, left + width / 2.0, top - height);
            text.Alignment = Alignment.UpperCenter;
            text.LabelFontSize = Figure.TickSize;
            text.LabelStyle.FontName = Figure.Sans;
            text.OffsetY = 3;
        }
        var bar = plot.Add.ColorBar(first!);
        bar.Label = diverging ? "value (shared scale, 0 = white)" : "value (shared scale)";
        bar.LabelStyle.FontSize = Figure.LabelSize;
        bar.LabelStyle.FontName = Figure.Sans;
        bar.LabelStyle.Bold = false;
        bar.Axis.TickLabelStyle.FontSize = Figure.TickSize;
        bar.Axis.TickLabelStyle.FontName = Figure.Sans;
        // ScottPlot's default density crowds a short bar and pushes its labels into the bar's title.
        bar.Axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { TickDensity = 0.5 };

        // The data area hugs the cells (centred in the space left), so the colour bar is as tall as the images.
        var spareX = figureWidth - padLeft - padRight - columns * (width * scale + gapPixels);
        var spareY = figureHeight - padTop - padBottom - rows * (height * scale + captionPixels + gapPixels);
        plot.Layout.Fixed(new PixelPadding(padLeft + (float)spareX / 2, padRight + (float)spareX / 2,
            padBottom + (float)spareY / 2, padTop + (float)spareY / 2));
        plot.Axes.SquareUnits();
        plot.Axes.SetLimits(-gap / 2, columns * cellWidth - gap / 2, -rows * cellHeight + gap / 2, gap / 2);
        // No axes: the images' coordinates mean nothing to a reader.
        plot.Axes.Left.IsVisible = false;
        plot.Axes.Bottom.IsVisible = false;
        plot.Axes.Right.IsVisible = false;
        plot.Axes.Top.IsVisible = false;
        plot.Grid.IsVisible = false;
        plot.Axes.Frame(false);
        return Figure.Png(plot, figureWidth, figureHeight);
    }

    /// <summary>ColorBrewer's RdBu, reversed: negative blue, zero white, positive red (Brewer 2002).</summary>
    static readonly IColormap RedBlue = new ScottPlot.Colormaps.CustomInterpolated(
        new[] { "#053061", "#2166ac", "#4393c3", "#92c5de", "#d1e5f0", "#f7f7f7", "#fddbc7", "#f4a582", "#d6604d", "#b2182b", "#67001f" }
            .Select(Color.FromHex).ToArray());
}
