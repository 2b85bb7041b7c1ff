using ScottPlot;
using ScottPlot.TickGenerators;

namespace Pure.Shell.Plots;

public static partial class Charts
{
    /// <summary>
    /// A confusion matrix as a heat map with its counts: rows are the actual classes (top to bottom), columns the
    /// predicted ones; a cell's shade is its share of its row (white 0 → dark blue 1), so the diagonal reads as recall.
    /// </summary>
    public static void ConfusionMatrix(string path, string title, IReadOnlyList<string> classNames, int[,] counts) =>
        Figure.Save(path, ConfusionMatrixPng(title, classNames, counts));

    /// <summary>The chart of <see cref="ConfusionMatrix"/> as PNG bytes.</summary>
    public static byte[] ConfusionMatrixPng(string title, IReadOnlyList<string> classNames, int[,] counts, int width = Figure.Width, int height = Figure.Width)
    {
        var k = classNames.Count;
        if (k == 0 || counts.GetLength(0) != k || counts.GetLength(1) != k) throw new ArgumentException($"a {counts.GetLength(0)}×{counts.GetLength(1)} matrix for {k} classes", nameof(counts));
        using var plot = new Plot();
        Figure.Style(plot, title, "predicted", "actual");
        for (var a = 0; a < k; a++)
        {
            var row = Enumerable.Range(0, k).Sum(p => counts[a, p]);
            for (var p = 0; p < k; p++)
            {
                var share = row == 0 ? 0 : (double)counts[a, p] / row;
                // row a at the top: y = k − 1 − a
                var (x, y) = (p, k - 1 - a);
                var cell = plot.Add.Rectangle(x - 0.5, x + 0.5, y - 0.5, y + 0.5);
                cell.FillColor = new Color((byte)(255 - 222 * share), (byte)(255 - 168 * share), (byte)(255 - 75 * share));
                cell.LineColor = Colors.White;
                cell.LineWidth = 1;
                var text = plot.Add.Text(counts[a, p].ToString(System.Globalization.CultureInfo.InvariantCulture), x, y);
                text.Alignment = Alignment.MiddleCenter;
                text.LabelFontSize = k <= 10 ? Figure.LabelSize : Figure.TickSize;
                text.LabelStyle.FontName = Figure.Sans;
                text.LabelFontColor = share > 0.5 ? Colors.White : Colors.Black;
            }
        }
        var ticks = Enumerable.Range(0, k).Select(i => (double)i).ToArray();
        plot.Axes.Bottom.TickGenerator = new NumericManual(ticks, classNames.ToArray());
        plot.Axes.Left.TickGenerator = new NumericManual(ticks, classNames.Reverse().ToArray());
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Grid.IsVisible = false;
        plot.Axes.SetLimits(-0.5, k - 0.5, -0.5, k - 0.5);
        return Figure.Png(plot, width, height);
    }
}
