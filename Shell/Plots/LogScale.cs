using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Pure.Shell.Plots;

/// <summary>
/// A base-10 log axis. ScottPlot 5 has none: its documented recipe ("Log Scale Tick Marks") plots log10(y)
/// on a linear axis and relabels the ticks with 10^tick. Here the ticks are placed by hand: a labelled
/// major tick on every decade, minor ticks at 2…9 × 10^k, and 2× and 5× labelled too when fewer than three
/// decades are in view (and every tick when even that gives fewer than three labels, e.g. for a loss
/// between 0.15 and 0.9).
/// </summary>
public static class LogScale
{
    /// <summary>The points with a positive, finite y, with y replaced by log10(y): a log axis cannot show the rest.</summary>
    public static (double[] X, double[] Y) Transform(double[] x, double[] y)
    {
        var keep = Enumerable.Range(0, Math.Min(x.Length, y.Length)).Where(i => y[i] > 0 && double.IsFinite(y[i])).ToArray();
        return (keep.Select(i => x[i]).ToArray(), keep.Select(i => Math.Log10(y[i])).ToArray());
    }

    /// <summary>Sets the y limits to [<paramref name="lo"/>, <paramref name="hi"/>] (log10 units, padded 5 %) and the log ticks.</summary>
    public static void Apply(Plot plot, double lo, double hi)
    {
        if (hi - lo < 1e-9) (lo, hi) = (lo - 0.5, hi + 0.5);
        var pad = 0.05 * (hi - lo);
        (lo, hi) = (lo - pad, hi + pad);
        plot.Axes.SetLimitsY(lo, hi);
        var generator = new NumericManual();
        foreach (var (at, label) in Ticks(lo, hi))
            if (label is null) generator.AddMinor(at);
            else generator.AddMajor(at, label);
        plot.Axes.Left.TickGenerator = generator;
        // Minor grid lines at 2…9 × 10^k are what make a log axis readable; ScottPlot hides minor lines by default.
        plot.Grid.YAxisStyle.MinorLineStyle.Width = 1;
        plot.Grid.YAxisStyle.MinorLineStyle.Color = Colors.Black.WithOpacity(0.05);
    }

    /// <summary>Ticks for the log10 range [<paramref name="lo"/>, <paramref name="hi"/>]: position and label, null for a minor tick.</summary>
    public static IReadOnlyList<(double At, string? Label)> Ticks(double lo, double hi)
    {
        var first = (int)Math.Floor(lo);
        var last = (int)Math.Ceiling(hi);
        var inView = new List<(int M, int K, double At)>();
        for (var k = first; k <= last; k++)
        for (var m = 1; m <= 9; m++)
            if (k + Math.Log10(m) is var at && at >= lo && at <= hi) inView.Add((m, k, at));
        // Label the decades; when fewer than three show, 2× and 5× too; when still fewer than three labels, every tick.
        // Too many decades crowd the axis: then every step-th decade is labelled.
        var decades = inView.Count(t => t.M == 1);
        var step = Math.Max(1, (int)Math.Ceiling(decades / 8.0));
        Func<int, int, bool> labelled =
            decades >= 3 ? (m, k) => m == 1 && k % step == 0
            : inView.Count(t => t.M is 1 or 2 or 5) >= 3 ? (m, _) => m is 1 or 2 or 5
            : (_, _) => true;
        return inView.Select(t => (t.At, labelled(t.M, t.K) ? Label(t.M, t.K) : null)).ToArray();
    }

    /// <summary>m·10^k as plain decimals near 1 (0.001 … 10000), otherwise as "2e-5".</summary>
    public static string Label(int m, int k) =>
        k is >= -4 and <= 4
            ? (m * Math.Pow(10, k)).ToString("0.####", CultureInfo.InvariantCulture)
            : $"{m}e{k.ToString(CultureInfo.InvariantCulture)}";
}
