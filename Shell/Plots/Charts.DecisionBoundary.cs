using ScottPlot;

namespace Pure.Shell.Plots;

public static partial class Charts
{
    /// <summary>
    /// A classifier's P(class 1) as a filled map with a colour bar, the labelled points on top (one colour and
    /// shape per class), and optionally a straight boundary such as a perceptron's.
    /// </summary>
    public static void DecisionBoundary(string path, string title, Grid grid, IReadOnlyList<Point2> points,
        Line2? line = null, int width = Figure.Width, int height = Figure.Height, string xLabel = "x₁", string yLabel = "x₂") =>
        Figure.Save(path, DecisionBoundaryPng(title, grid, points, line, width, height, xLabel, yLabel));

    /// <summary>
    /// The chart of <see cref="DecisionBoundary"/> as PNG bytes, e.g. one frame of an animation of training
    /// (<see cref="Animation.Gif"/>).
    /// </summary>
    public static byte[] DecisionBoundaryPng(string title, Grid grid, IReadOnlyList<Point2> points,
        Line2? line = null, int width = Figure.Width, int height = Figure.Height, string xLabel = "x₁", string yLabel = "x₂")
    {
        var rows = grid.Probability.GetLength(0);
        var cols = grid.Probability.GetLength(1);
        if (rows < 2 || cols < 2) throw new ArgumentException("the probability grid needs at least 2 × 2 samples", nameof(grid));
        if (!(grid.XMax > grid.XMin && grid.YMax > grid.YMin)) throw new ArgumentException("the grid's extent is empty", nameof(grid));

        using var plot = new Plot();
        Figure.Style(plot, title, xLabel, yLabel);

        var map = plot.Add.Heatmap(grid.Probability);
        // ScottPlot draws row 0 at the top; our row 0 is y = YMin, at the bottom.
        map.FlipVertically = true;
        // With an extent, ScottPlot centres the first and last cells on its edges: the samples sit where they were taken.
        map.Extent = new CoordinateRect(grid.XMin, grid.XMax, grid.YMin, grid.YMax);
        map.Colormap = BoundaryColormap;
        map.ManualRange = new ScottPlot.Range(0, 1);
        map.Smooth = true;
        var bar = plot.Add.ColorBar(map);
        bar.Label = "P(class 1)";
        bar.LabelStyle.FontSize = Figure.LabelSize;
        bar.LabelStyle.FontName = Figure.Sans;
        bar.LabelStyle.Bold = false;
        bar.Axis.TickLabelStyle.FontSize = Figure.TickSize;
        bar.Axis.TickLabelStyle.FontName = Figure.Sans;

        foreach (var group in points.GroupBy(p => p.Label).OrderBy(g => g.Key))
        {
            var markers = plot.Add.Markers(group.Select(p => p.X).ToArray(), group.Select(p => p.Y).ToArray(),
                Palette.Shape(group.Key), 9, ClassColor(group.Key));
            markers.LegendText = $"class {group.Key}";
            // A dark outline keeps a marker visible over the region of its own class.
            markers.MarkerStyle.OutlineColor = Colors.Black;
            markers.MarkerStyle.OutlineWidth = 1;
        }

        if (line?.Clip(grid.XMin, grid.XMax, grid.YMin, grid.YMax) is var ((x1, y1), (x2, y2)))
        {
            var boundary = plot.Add.Line(x1, y1, x2, y2);
            boundary.LegendText = line.Label;
            boundary.LineColor = Colors.Black;
            boundary.LineWidth = 2.5f;
            boundary.LinePattern = LinePattern.Dashed;
            boundary.MarkerSize = 0;
        }
        else if (line is not null)
        {
            // The line misses the plotted area; still name it, so a reader is not left looking for it.
            plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = $"{line.Label} (outside the area)",
                LineColor = Colors.Black,
                LineWidth = 2.5f,
                LinePattern = LinePattern.Dashed,
            });
        }

        plot.Axes.SetLimits(grid.XMin, grid.XMax, grid.YMin, grid.YMax);
        // Under the chart, in one row: inside it would hide points wherever it went.
        plot.ShowLegend(Edge.Bottom);
        return Figure.Png(plot, width, height);
    }

    /// <summary>
    /// Diverging blue (class 0) – white (undecided) – orange (class 1), light enough that the class-coloured
    /// markers stand out on it; blue and orange are the Category10 colours of classes 0 and 1.
    /// </summary>
    static readonly IColormap BoundaryColormap = new ScottPlot.Colormaps.CustomInterpolated(
    [
        Color.FromHex("#5b9bd5"), Color.FromHex("#b3d3ee"), Color.FromHex("#f7f7f7"),
        Color.FromHex("#fdd0a2"), Color.FromHex("#f59a4c"),
    ]);

    static Color ClassColor(int label) => label switch
    {
        0 => Color.FromHex("#1a5a96"),
        1 => Color.FromHex("#e8650a"),
        _ => Palette.Color(label),
    };
}
