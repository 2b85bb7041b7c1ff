using ScottPlot;

namespace Pure.Shell.Plots;

/// <summary>Charts written as PNG files: plain data in, one picture out. Sizes default to 800×550.</summary>
public static partial class Charts
{
    /// <summary>
    /// Line chart of several series (training curves, gradient norms by layer, activation spread by depth).
    /// With <paramref name="logY"/> the y axis is base-10 logarithmic and points with y ≤ 0 are left out.
    /// </summary>
    public static void Lines(string path, string title, string xLabel, string yLabel, IReadOnlyList<Series> series,
        bool logY = false, int width = Figure.Width, int height = Figure.Height) =>
        Figure.Save(path, LinesPng(title, xLabel, yLabel, series, logY, width, height));

    /// <summary>The chart of <see cref="Lines"/> as PNG bytes.</summary>
    public static byte[] LinesPng(string title, string xLabel, string yLabel, IReadOnlyList<Series> series,
        bool logY = false, int width = Figure.Width, int height = Figure.Height)
    {
        using var plot = new Plot();
        Figure.Style(plot, title, xLabel, yLabel);
        var drawn = new List<(double X, double Y)>();
        for (var i = 0; i < series.Count; i++)
        {
            var s = series[i];
            if (s.X.Length != s.Y.Length)
                throw new ArgumentException($"series \"{s.Label}\": {s.X.Length} x values but {s.Y.Length} y values", nameof(series));
            var (x, y) = logY ? LogScale.Transform(s.X, s.Y) : (s.X, s.Y);
            var line = plot.Add.Scatter(x, y, Palette.Color(i));
            line.LegendText = s.Label;
            line.LineWidth = 2;
            // Markers only where there are few points: they help read short runs and clutter long ones.
            line.MarkerSize = x.Length <= 30 ? 6 : 0;
            line.MarkerShape = Palette.Shape(i);
            drawn.AddRange(LegendPlacement.Along(x, y));
        }
        if (series.All(s => s.X.All(double.IsInteger)))
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.AutoScale();
        if (logY && drawn.Count > 0) LogScale.Apply(plot, drawn.Min(p => p.Y), drawn.Max(p => p.Y));
        if (series.Count > 1) LegendPlacement.ShowInQuietCorner(plot, drawn, plot.Axes.GetLimits());
        else plot.HideLegend();
        return Figure.Png(plot, width, height);
    }
}
