using Pure.Shell.Plots;

namespace Pure.Shell.Commands;

/// <summary><c>pure eval … --plot DIR</c>: the confusion matrix as a heat map with counts, and per-class precision and recall as bars.</summary>
public static class EvalPlots
{
    /// <summary>The files <see cref="Write"/> creates in its folder.</summary>
    public static readonly string[] Files = ["confusion-matrix.png", "precision-recall.png"];

    /// <summary>Writes both charts (each atomically) and names them on <paramref name="output"/>; past <see cref="ClassReport.MostInMatrix"/> classes, says why it draws none.</summary>
    public static void Write(string folder, string source, IReadOnlyList<string> classNames, int[] predicted, int[] actual, TextWriter output)
    {
        var k = classNames.Count;
        if (k > ClassReport.MostInMatrix)
        {
            output.WriteLine($"plot: none for {k} classes (at most {ClassReport.MostInMatrix} are drawn)");
            return;
        }
        var name = Path.GetFileName(source);
        var matrix = Path.Combine(folder, Files[0]);
        Charts.ConfusionMatrix(matrix, $"Confusion matrix on {name} ({actual.Length} rows)", classNames, Metrics.ConfusionMatrix(predicted, actual, k));
        output.WriteLine($"plot: {matrix}");
        var (hits, predictedCount, support) = ClassReport.Counts(k, predicted, actual);
        // a class never predicted (or absent) has no precision (recall): drawn as 0, as the text report says n/a
        double Rate(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
        var bars = Path.Combine(folder, Files[1]);
        var positions = Enumerable.Range(0, k).Select(c => (double)c).ToArray();
        Charts.Bars(bars, $"Precision and recall per class on {name}", "class", "share", classNames,
            [new Series("precision", positions, Enumerable.Range(0, k).Select(c => Rate(hits[c], predictedCount[c])).ToArray()),
             new Series("recall", positions, Enumerable.Range(0, k).Select(c => Rate(hits[c], support[c])).ToArray())]);
        output.WriteLine($"plot: {bars}");
    }
}
