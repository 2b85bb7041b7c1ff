using ScottPlot;

namespace Pure.Shell.Plots;

public static partial class Charts
{
    /// <summary>
    /// Loss (left panel) and accuracy (right panel) per epoch, training solid and validation dashed. The
    /// accuracy panel is left out when no row has an accuracy; a validation line when no row has one.
    /// </summary>
    public static void TrainingCurves(string path, string title,
        IReadOnlyList<(int Epoch, double Loss, double? Accuracy, double? ValLoss, double? ValAccuracy)> rows,
        int width = Figure.Width + 300, int height = Figure.Height) =>
        Figure.Save(path, TrainingCurvesPng(title, rows, width, height));

    /// <summary>The chart of <see cref="TrainingCurves"/> as PNG bytes.</summary>
    public static byte[] TrainingCurvesPng(string title,
        IReadOnlyList<(int Epoch, double Loss, double? Accuracy, double? ValLoss, double? ValAccuracy)> rows,
        int width = Figure.Width + 300, int height = Figure.Height)
    {
        if (rows.Count == 0) throw new ArgumentException("no epochs to plot", nameof(rows));
        var loss = Panel("loss", "loss",
            ("training", rows.Select(r => (r.Epoch, (double?)r.Loss))),
            ("validation", rows.Select(r => (r.Epoch, r.ValLoss))));
        var panels = new List<Plot> { loss };
        if (rows.Any(r => r.Accuracy is not null || r.ValAccuracy is not null))
            panels.Add(Panel("accuracy", "accuracy",
                ("training", rows.Select(r => (r.Epoch, r.Accuracy))),
                ("validation", rows.Select(r => (r.Epoch, r.ValAccuracy)))));
        try
        {
            return Figure.Png(title, panels, panels.Count, width, height);
        }
        finally
        {
            foreach (var panel in panels) panel.Dispose();
        }
    }

    static Plot Panel(string title, string yLabel, params (string Label, IEnumerable<(int Epoch, double? Value)> Points)[] lines)
    {
        var plot = new Plot();
        Figure.Style(plot, title, "epoch", yLabel);
        var drawn = new List<(double X, double Y)>();
        var shown = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var points = lines[i].Points.Where(p => p.Value is { } v && double.IsFinite(v)).ToArray();
            if (points.Length == 0) continue;
            double[] x = points.Select(p => (double)p.Epoch).ToArray(), y = points.Select(p => p.Value!.Value).ToArray();
            var line = plot.Add.Scatter(x, y, Palette.Color(i));
            line.LegendText = lines[i].Label;
            line.LineWidth = 2;
            line.MarkerSize = x.Length <= 30 ? 6 : 0;
            line.MarkerShape = Palette.Shape(i);
            // Validation dashed: the pair stays apart where the colours are hard to tell.
            if (i > 0) line.LinePattern = LinePattern.Dashed;
            drawn.AddRange(LegendPlacement.Along(x, y));
            shown++;
        }
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.AutoScale();
        if (shown > 1) LegendPlacement.ShowInQuietCorner(plot, drawn, plot.Axes.GetLimits());
        else plot.HideLegend();
        return plot;
    }
}
