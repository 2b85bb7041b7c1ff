using Pure.Core.Activations;
using ScottPlot;

namespace Pure.Shell.Plots;

public static partial class Charts
{
    /// <summary>
    /// One small panel per activation, <paramref name="columns"/> to a row: f(z) and f′(z) on z ∈ [−4, 4],
    /// titled with the function's name.
    /// </summary>
    public static void ActivationGallery(string path, IReadOnlyList<Activation> functions,
        int columns = 4, int width = 1200, int height = 850) =>
        Figure.Save(path, ActivationGalleryPng(functions, columns, width, height));

    /// <summary>The chart of <see cref="ActivationGallery"/> as PNG bytes.</summary>
    public static byte[] ActivationGalleryPng(IReadOnlyList<Activation> functions,
        int columns = 4, int width = 1200, int height = 850)
    {
        if (functions.Count == 0) throw new ArgumentException("no activations to draw", nameof(functions));
        var panels = functions.Select(ActivationPanel).ToList();
        try
        {
            return Figure.Png("Activations f(z) and their derivatives f′(z)", panels, columns, width, height);
        }
        finally
        {
            foreach (var panel in panels) panel.Dispose();
        }
    }

    static Plot ActivationPanel(Activation function)
    {
        // 401 samples: a step of 0.02, fine enough that the step function's jump looks vertical.
        var z = Enumerable.Range(0, 401).Select(i => -4 + i * 0.02).ToArray();
        var plot = new Plot();
        Figure.Style(plot, function.Name, "z", "f(z), f′(z)", panel: true);
        var drawn = new List<(double X, double Y)>();
        foreach (var (label, f, index) in new (string, Func<double, double>, int)[] { ("f", function.Value, 0), ("f′", function.Derivative, 1) })
        {
            var y = z.Select(f).ToArray();
            var line = plot.Add.ScatterLine(z, y, Palette.Color(index));
            line.LegendText = label;
            line.LineWidth = 2;
            if (index == 1) line.LinePattern = LinePattern.Dashed;
            drawn.AddRange(z.Zip(y));
        }
        plot.Axes.AutoScale();
        plot.Axes.SetLimitsX(-4.2, 4.2);
        LegendPlacement.ShowInQuietCorner(plot, drawn, plot.Axes.GetLimits());
        return plot;
    }
}
