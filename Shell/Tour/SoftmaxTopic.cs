
namespace Pure.Shell.Tour;

/// <summary>Softmax with a temperature: T &lt; 1 sharpens, T &gt; 1 flattens.</summary>
public sealed partial class SoftmaxTopic : ITourTopic
{
    public string Name => "softmax";
    public string Title => "Softmax with temperature: softmax([2, 1, 0.1] / T)";

    public TopicReport Run(TourContext context)
    {
        double[] logits = [2, 1, 0.1];
        double[] temperatures = [0.5, 1, 2];
        var report = new TopicReport(Name, Title);
        var rows = new List<IReadOnlyList<string>>();
        var table = new double[temperatures.Length][];
        for (var i = 0; i < temperatures.Length; i++)
        {
            var p = Softmax.Of<double>(logits, temperatures[i]);
            table[i] = p;
            rows.Add([Fmt.G(temperatures[i], 2), .. p.Select(v => Fmt.F(v)), Fmt.F(p.Sum(), 3)]);
            for (var c = 0; c < 3; c++) report.Measure($"T{temperatures[i]:0.0}_p{c}", p[c]);
        }
        report.Table("probabilities", ["T", "p(2)", "p(1)", "p(0.1)", "sum"], rows)
            .Note("Correct values (stable form, max subtracted); a tutorial prints 0.836/0.113/0.051 and 0.457/0.278/0.265 — both wrong.");
        Draw(context, report, temperatures, table);
        return report;
    }

    static partial void Draw(TourContext context, TopicReport report, double[] temperatures, double[][] probabilities);
}
