using ScottPlot;
using ScottPlot.TickGenerators;

namespace Pure.Shell.Plots;

public static partial class Charts
{
    /// <summary>
    /// Grouped bars: one cluster per category, one bar in each for every group (e.g. dead-unit share per
    /// layer, one group per initialisation). <c>groups[g].Y[c]</c> is the height of group g in category c;
    /// the groups' X values are not used.
    /// </summary>
    public static void Bars(string path, string title, string xLabel, string yLabel, IReadOnlyList<string> categories,
        IReadOnlyList<Series> groups, int width = Figure.Width, int height = Figure.Height) =>
        Figure.Save(path, BarsPng(title, xLabel, yLabel, categories, groups, width, height));

    /// <summary>The chart of <see cref="Bars"/> as PNG bytes.</summary>
    public static byte[] BarsPng(string title, string xLabel, string yLabel, IReadOnlyList<string> categories,
        IReadOnlyList<Series> groups, int width = Figure.Width, int height = Figure.Height)
    {
        if (categories.Count == 0 || groups.Count == 0) throw new ArgumentException("no bars to draw", nameof(groups));
        foreach (var g in groups)
            if (g.Y.Length != categories.Count)
                throw new ArgumentException($"group \"{g.Label}\" has {g.Y.Length} values for {categories.Count} categories", nameof(groups));

        using var plot = new Plot();
        Figure.Style(plot, title, xLabel, yLabel);
        // A cluster fills 80 % of its unit slot, leaving a gap between categories.
        var barWidth = 0.8 / groups.Count;
        for (var g = 0; g < groups.Count; g++)
        {
            var offset = (g - (groups.Count - 1) / 2.0) * barWidth;
            var bars = groups[g].Y.Select((value, c) => new Bar
            {
                Position = c + offset,
                Value = value,
                Size = barWidth * 0.95,
                FillColor = Palette.Color(g),
                LineWidth = 0,
            }).ToArray();
            plot.Add.Bars(bars).LegendText = groups[g].Label;
        }
        plot.Axes.Bottom.TickGenerator = new NumericManual(
            Enumerable.Range(0, categories.Count).Select(c => (double)c).ToArray(), categories.ToArray());
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Grid.XAxisStyle.IsVisible = false;
        plot.Axes.AutoScale();
        // Bars grow from zero: no margin below it (or above it, for all-negative data).
        var limits = plot.Axes.GetLimits();
        var (lo, hi) = (Math.Min(0, limits.Bottom), Math.Max(0, limits.Top));
        var all = groups.SelectMany(g => g.Y).ToArray();
        if (all.All(v => v >= 0)) lo = 0;
        if (all.All(v => v <= 0)) hi = 0;
        if (hi - lo < 1e-12) hi = lo + 1;
        // Headroom above the tallest bar, so the legend has an empty corner to sit in.
        if (groups.Count > 1 && lo == 0) hi *= 1.45;
        plot.Axes.SetLimitsY(lo, hi);
        if (groups.Count > 1)
        {
            // The bar tops are what the legend must not cover.
            var tops = groups.SelectMany((g, i) => g.Y.Select((v, c) => (c + (i - (groups.Count - 1) / 2.0) * barWidth, v)))
                .SelectMany(p => new[] { p, (p.Item1, p.v / 2), (p.Item1, 0.0) });
            LegendPlacement.ShowInQuietCorner(plot, tops, plot.Axes.GetLimits());
        }
        else plot.HideLegend();
        return Figure.Png(plot, width, height);
    }
}
