
namespace Pure.Shell.Tour;

/// <summary>Depth on two moons, and depth versus width on n-bit parity.</summary>
public sealed partial class DepthTopic : ITourTopic
{
    public string Name => "depth";
    public string Title => "Depth: two moons with 1–4 hidden layers; parity, deep-narrow vs shallow-wide";

    public TopicReport Run(TourContext context)
    {
        var report = new TopicReport(Name, Title);
        var moons = TourNetworks.Moons(context, 300);
        var curves = new List<(string Label, double[] Loss, double Accuracy)>();
        for (var depth = 1; depth <= 4; depth++)
        {
            var losses = new List<double>();
            var model = TourNetworks.Fit(context, TourNetworks.Stack(depth, 8, Layers.Relu, Inits.He), moons, Loss.BceWithLogits, Optimiser.Adam(0.01), 150, 32, 1,
                e => losses.Add(e.MeanLoss));
            var label = "[2, " + string.Join(", ", Enumerable.Repeat("8", depth)) + ", 1]";
            curves.Add((label, losses.ToArray(), TourNetworks.Accuracy(context, model, moons)));
            report.Measure($"moons_depth{depth}_accuracy", curves[^1].Accuracy).Measure($"moons_depth{depth}_loss", losses[^1]);
        }
        report.Table("two moons (300 points, noise 0.2), Adam lr 0.01, 150 epochs", ["network", "final loss", "accuracy"],
            curves.Select(c => (IReadOnlyList<string>)[c.Label, Fmt.F(c.Loss[^1], 4), Fmt.P(c.Accuracy)]));

        const int bits = 6;
        var parity = Generators.Parity(bits);
        (string Label, Layer Layer)[] shapes =
        [
            ("deep narrow: 4 × 8 ReLU", TourNetworks.Stack(4, 8, Layers.Relu, Inits.He, bias: Inits.Constant(0.01))),
            ("shallow wide: 1 × 32 ReLU", TourNetworks.Stack(1, 32, Layers.Relu, Inits.He, bias: Inits.Constant(0.01))),
            ("shallow narrow: 1 × 8 ReLU", TourNetworks.Stack(1, 8, Layers.Relu, Inits.He, bias: Inits.Constant(0.01))),
        ];
        var rows = new List<IReadOnlyList<string>>();
        long[] seeds = [2, 3, 4];
        foreach (var (label, layer) in shapes)
        {
            // one seed's run is a lottery ticket on 64 patterns: report the best of three and how many reach all 64
            var models = seeds.Select(seed => TourNetworks.Fit(context, layer, parity, Loss.BceWithLogits, Optimiser.Adam(0.01), 1500, 64, seed)).ToArray();
            var accuracies = models.Select(m => TourNetworks.Accuracy(context, m, parity)).ToArray();
            var (best, perfect) = (accuracies.Max(), accuracies.Count(a => a == 1.0));
            rows.Add([label, Fmt.I(models[0].Network.Layout.Length), Fmt.P(best), $"{perfect} of {seeds.Length}"]);
            report.Measure($"parity_{label.Split(':')[0].Replace(' ', '_')}_accuracy", best)
                .Measure($"parity_{label.Split(':')[0].Replace(' ', '_')}_perfect_seeds", perfect);
        }
        report.Table($"{bits}-bit parity (all {1 << bits} patterns), Adam lr 0.01, 1500 epochs, seeds {string.Join(", ", seeds)}",
            ["network", "parameters", "best accuracy", "seeds at 100 %"], rows);
        Draw(context, report, curves);
        return report;
    }

    static partial void Draw(TourContext context, TopicReport report, List<(string Label, double[] Loss, double Accuracy)> curves);
}
