using System.Globalization;

namespace Pure.Shell.Commands;

/// <summary>
/// The confusion matrix (rows actual, columns predicted) and per-class precision, recall and support, as aligned
/// text. Past <see cref="MostInMatrix"/> classes the matrix is neither readable nor small (10 000 classes: 10⁸
/// cells), so it is left out and the per-class figures are counted directly.
/// </summary>
public static class ClassReport
{
    public const int MostInMatrix = 20;

    /// <summary>Per class: the rows predicted right, the rows predicted as it, and the rows that are it.</summary>
    public static (int[] Hits, int[] Predicted, int[] Support) Counts(int classes, int[] predicted, int[] actual)
    {
        var (hits, predictedCount, support) = (new int[classes], new int[classes], new int[classes]);
        for (var i = 0; i < actual.Length; i++)
        {
            predictedCount[predicted[i]]++;
            support[actual[i]]++;
            if (predicted[i] == actual[i]) hits[actual[i]]++;
        }
        return (hits, predictedCount, support);
    }

    public static void Write(TextWriter output, IReadOnlyList<string> classNames, int[] predicted, int[] actual)
    {
        var k = classNames.Count;
        var (hits, predictedCount, support) = Counts(k, predicted, actual);
        if (k <= MostInMatrix) WriteMatrix(output, classNames, Metrics.ConfusionMatrix(predicted, actual, k));
        else output.WriteLine($"confusion matrix: not shown for {k} classes (more than {MostInMatrix})");
        output.WriteLine();

        var nameWidth = Math.Max("class".Length, classNames.Max(n => n.Length));
        output.WriteLine($"{"class".PadRight(nameWidth)}  {"precision",9}  {"recall",7}  {"support",7}");
        for (var c = 0; c < k; c++)
            output.WriteLine($"{classNames[c].PadRight(nameWidth)}  {Percent(hits[c], predictedCount[c]),9}  {Percent(hits[c], support[c]),7}  {support[c],7}");
    }

    static void WriteMatrix(TextWriter output, IReadOnlyList<string> classNames, int[,] confusion)
    {
        var k = classNames.Count;
        var rowHead = Math.Max("actual".Length, classNames.Max(n => n.Length));
        var width = Math.Max(classNames.Max(n => n.Length), confusion.Cast<int>().Max().ToString(CultureInfo.InvariantCulture).Length) + 2;
        output.WriteLine("confusion matrix (rows: actual, columns: predicted)");
        output.WriteLine("actual".PadRight(rowHead) + string.Concat(classNames.Select(n => n.PadLeft(width))));
        for (var a = 0; a < k; a++)
            output.WriteLine(classNames[a].PadRight(rowHead) +
                             string.Concat(Enumerable.Range(0, k).Select(p => confusion[a, p].ToString(CultureInfo.InvariantCulture).PadLeft(width))));
    }

    // Precision of a class never predicted (recall of a class absent from the data) is 0/0: say so, not 0 %.
    static string Percent(int part, int whole) =>
        whole == 0 ? "n/a" : (100.0 * part / whole).ToString("F2", CultureInfo.InvariantCulture) + "%";
}
