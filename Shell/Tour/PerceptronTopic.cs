using Pure.Core.Perceptron;

namespace Pure.Shell.Tour;

/// <summary>Rosenblatt's perceptron on the logic gates: four converge, XOR never does.</summary>
public sealed partial class PerceptronTopic : ITourTopic
{
    public string Name => "perceptron";
    public string Title => "The perceptron: w ← w + η(y − ŷ)x on the logic gates";

    public TopicReport Run(TourContext context)
    {
        var report = new TopicReport(Name, Title);
        (string Name, Dataset Data)[] gates = [("AND", Generators.And()), ("OR", Generators.Or()), ("NAND", Generators.Nand()), ("NOR", Generators.Nor()), ("XOR", Generators.Xor())];
        var rows = new List<IReadOnlyList<string>>();
        var results = new List<(string Name, Dataset Data, PerceptronResult Result)>();
        foreach (var (name, data) in gates)
        {
            var r = Perceptron.Train(data, PerceptronOptions.Default).Ok();
            results.Add((name, data, r));
            rows.Add([name, r.ConvergedAtEpoch.Match(e => $"epoch {e}", () => $"no (after {r.Epochs})"), Fmt.I(r.Updates),
                $"[{string.Join(", ", r.Weights.Select(w => Fmt.G(w, 3)))}]", Fmt.G(r.Bias, 3), r.Boundary]);
            report.Measure($"{name.ToLowerInvariant()}_converged", r.Converged ? 1 : 0).Measure($"{name.ToLowerInvariant()}_updates", r.Updates);
        }
        report.Table("zero start, η = 1, at most 100 epochs, rows in order", ["gate", "converged", "updates", "w", "b", "boundary"], rows)
            .Note("XOR is not linearly separable: the weights cycle and the mistakes never stop (Minsky & Papert, 1969).");
        Draw(context, report, results);
        return report;
    }

    static partial void Draw(TourContext context, TopicReport report, List<(string Name, Dataset Data, PerceptronResult Result)> results);
}
