
namespace Pure.Shell.Tour;

/// <summary>Gradient norms per layer at initialisation: sigmoid stacks starve their first layers.</summary>
public sealed partial class VanishingTopic : ITourTopic
{
    public string Name => "vanishing";
    public string Title => "Vanishing gradients: ‖∂L/∂W‖ per layer at initialisation, 10 layers";

    public const int Depth = 10;

    public TopicReport Run(TourContext context)
    {
        var report = new TopicReport(Name, Title);
        var moons = TourNetworks.Moons(context, 256);
        (string Name, Layer Layer, Initialiser Init)[] settings = [("sigmoid", Layers.Sigmoid, Inits.Xavier), ("tanh", Layers.Tanh, Inits.Xavier), ("relu", Layers.Relu, Inits.He)];
        var curves = new List<(string Label, double[] Norms)>();
        foreach (var (name, f, init) in settings)
        {
            var network = Network.Build(TourNetworks.Stack(Depth, 32, f, init), 2).Ok();
            var grads = Gradients.OfLoss(context.Backend, network, network.Init(context.Rng.Fold(3)), Loss.BceWithLogits, moons.Features, moons.Targets).Ok().ParameterGradients;
            var norms = network.Layout.Segments.Where(s => s.Name.EndsWith(".weight", StringComparison.Ordinal)).Take(Depth)
                .Select(s => Math.Sqrt(grads[s].ToArray().Sum(v => (double)v * v))).ToArray();
            curves.Add((name, norms));
            report.Measure($"{name}_first", norms[0]).Measure($"{name}_last", norms[^1]);
        }
        report.Table("gradient norm of each hidden layer's weights (layer 1 = nearest the input)", ["layer", .. curves.Select(c => c.Label)],
            Enumerable.Range(0, Depth).Select(l => (IReadOnlyList<string>)[Fmt.I(l + 1), .. curves.Select(c => Fmt.G(c.Norms[l], 3))]))
            .Note("σ′ ≤ 0.25: each sigmoid layer shrinks the backward signal; tanh (σ′ ≤ 1) and ReLU with He init keep it.");
        Draw(context, report, curves);
        return report;
    }

    static partial void Draw(TourContext context, TopicReport report, List<(string Label, double[] Norms)> curves);
}
