using ScottPlot;

namespace Pure.Shell.Plots;

/// <summary>
/// Puts a legend inside the data area in the corner that covers the least data. ScottPlot leaves the
/// corner to the caller; a fixed corner hides a curve on some plots (ReLU rises to the upper right,
/// sigmoid's derivative peaks in the middle top).
/// </summary>
static class LegendPlacement
{
    /// <summary>Shows the legend in the emptiest corner of <paramref name="limits"/> given the points drawn.</summary>
    public static void ShowInQuietCorner(Plot plot, IEnumerable<(double X, double Y)> drawn, AxisLimits limits)
    {
        var corner = QuietCorner(drawn, limits);
        plot.ShowLegend(corner);
    }

    public static Alignment QuietCorner(IEnumerable<(double X, double Y)> drawn, AxisLimits limits)
    {
        // A legend box takes roughly this share of the data area.
        const double boxWidth = 0.35, boxHeight = 0.3;
        var counts = new int[4];
        var width = limits.Right - limits.Left;
        var height = limits.Top - limits.Bottom;
        if (!(width > 0 && height > 0)) return Alignment.UpperRight;
        foreach (var (x, y) in drawn)
        {
            var u = (x - limits.Left) / width;
            var v = (y - limits.Bottom) / height;
            if (u < 0 || u > 1 || v < 0 || v > 1) continue;
            if (v > 1 - boxHeight && u > 1 - boxWidth) counts[0]++;
            if (v > 1 - boxHeight && u < boxWidth) counts[1]++;
            if (v < boxHeight && u > 1 - boxWidth) counts[2]++;
            if (v < boxHeight && u < boxWidth) counts[3]++;
        }
        Alignment[] corners = [Alignment.UpperRight, Alignment.UpperLeft, Alignment.LowerRight, Alignment.LowerLeft];
        // Ties go to the earlier corner: upper right, as most charts put it.
        var best = 0;
        for (var i = 1; i < 4; i++) if (counts[i] < counts[best]) best = i;
        return corners[best];
    }

    /// <summary>Points along a polyline, densely enough that a segment crossing a corner is seen there.</summary>
    public static IEnumerable<(double X, double Y)> Along(double[] x, double[] y, int perSegment = 16)
    {
        var n = Math.Min(x.Length, y.Length);
        if (n == 1) yield return (x[0], y[0]);
        for (var i = 0; i + 1 < n; i++)
        for (var s = 0; s < perSegment; s++)
        {
            var t = (double)s / perSegment;
            yield return (x[i] + t * (x[i + 1] - x[i]), y[i] + t * (y[i + 1] - y[i]));
        }
        if (n > 1) yield return (x[n - 1], y[n - 1]);
    }
}
