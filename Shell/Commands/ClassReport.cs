using System.Globalization;

namespace Pure.Shell.Commands;

/// <summary>The confusion matrix (rows actual, columns predicted) and per-class precision, recall and support, as aligned text.</summary>
public static class ClassReport
{
    public static void Write(TextWriter output, IReadOnlyList<string> classNames, int[,] confusion)
    {
        var k = classNames.Count;
        var rowHead = Math.Max("actual".Length, classNames.Max(n => n.Length));
        var width = Math.Max(classNames.Max(n => n.Length), confusion.Cast<int>().Max().ToString(CultureInfo.InvariantCulture).Length) + 2;
        output.WriteLine("confusion matrix (rows: actual, columns: predicted)");
        output.WriteLine("actual".PadRight(rowHead) + string.Concat(classNames.Select(n => n.PadLeft(width))));
        for (var a = 0; a < k; a++)
            output.WriteLine(classNames[a].PadRight(rowHead) +
                             string.Concat(Enumerable.Range(0, k).Select(p => confusion[a, p].ToString(CultureInfo.InvariantCulture).PadLeft(width))));
        output.WriteLine();

        var nameWidth = Math.Max("class".Length, classNames.Max(n => n.Length));
        output.WriteLine($"{"class".PadRight(nameWidth)}  {"precision",9}  {"recall",7}  {"support",7}");
        for (var c = 0; c < k; c++)
        {
            int hits = confusion[c, c], predicted = 0, support = 0;
            for (var i = 0; i < k; i++)
            {
                predicted += confusion[i, c];
                support += confusion[c, i];
            }
            output.WriteLine($"{classNames[c].PadRight(nameWidth)}  {Percent(hits, predicted),9}  {Percent(hits, support),7}  {support,7}");
        }
    }

    // Precision of a class never predicted (recall of a class absent from the data) is 0/0: say so, not 0 %.
    static string Percent(int part, int whole) =>
        whole == 0 ? "n/a" : (100.0 * part / whole).ToString("F2", CultureInfo.InvariantCulture) + "%";
}
