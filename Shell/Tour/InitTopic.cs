using Pure.Core.Diagnostics;

namespace Pure.Shell.Tour;

/// <summary>How initialisation sets the signal's scale through depth, and why constant weights never break symmetry.</summary>
public sealed partial class InitTopic : ITourTopic
{
    public string Name => "init";
    public string Title => "Initialisation: activation spread through 20 layers, and the symmetry problem";

    public const int Depth = 20;

    public TopicReport Run(TourContext context)
    {
        var report = new TopicReport(Name, Title);
        var x = TourNetworks.Normal(context.Rng.Fold(1), 256, 64);
        (string Name, Initialiser Init)[] inits = [("zeros", Inits.Zeros), ("N(0, 0.01²)", Inits.Normal(0.01)), ("Xavier", Inits.Xavier), ("He", Inits.He)];
        (string Name, Layer Layer)[] activations = [("tanh", Layers.Tanh), ("relu", Layers.Relu)];
        var curves = new List<(string Label, double[] Std)>();
        foreach (var (fName, f) in activations)
            foreach (var (iName, init) in inits)
            {
                var network = Network.Build(TourNetworks.Stack(Depth, 64, f, init), 64).Ok();
                var trace = LayerTrace.Of(context.Backend, network, network.Init(context.Rng.Fold(2)), x).Ok();
                // the output of each activation layer (odd positions in Dense, f, Dense, f, …)
                var std = Enumerable.Range(0, Depth).Select(l => UnitStatistics.StdDev(trace[2 * l + 1].Output)).ToArray();
                curves.Add(($"{fName}, {iName}", std));
                report.Measure($"{fName}_{iName}_layer{Depth}", std[^1]);
            }
        report.Table("standard deviation of the activations after layers 1, 5, 10, 20 (width 64, inputs N(0, 1))",
            ["activation, init", "1", "5", "10", "20"],
            curves.Select(c => (IReadOnlyList<string>)[c.Label, Fmt.G(c.Std[0], 3), Fmt.G(c.Std[4], 3), Fmt.G(c.Std[9], 3), Fmt.G(c.Std[19], 3)]))
            .Note("Xavier keeps tanh's spread roughly level; He keeps ReLU's; tiny weights shrink it geometrically; zeros kill it.");

        // Symmetry: every hidden unit starts equal, gets the same gradient, stays equal.
        var moons = TourNetworks.Moons(context, 200);
        var constant = TourNetworks.Fit(context, Layers.Serial(Layers.Dense(8, Inits.Constant(0.3)), Layers.Tanh, Layers.Dense(1, Inits.Constant(0.3))),
            moons, Loss.BceWithLogits, Optimiser.Adam(0.01), 50, 32, 1);
        var random = TourNetworks.Fit(context, Layers.Serial(Layers.Dense(8, Inits.Xavier), Layers.Tanh, Layers.Dense(1)),
            moons, Loss.BceWithLogits, Optimiser.Adam(0.01), 50, 32, 1);
        var constantSpread = UnitStatistics.MaxPairwiseUnitDifference(LayerTrace.Of(context.Backend, constant.Network, constant.Params, moons.Features).Ok()[1].Output);
        var randomSpread = UnitStatistics.MaxPairwiseUnitDifference(LayerTrace.Of(context.Backend, random.Network, random.Params, moons.Features).Ok()[1].Output);
        report.Table("after 50 epochs on two moons: largest difference between any two hidden units' outputs", ["start", "max |hᵢ − hⱼ|", "accuracy"],
        [
            ["all weights 0.3", Fmt.G(constantSpread, 3), Fmt.P(TourNetworks.Accuracy(context, constant, moons))],
            ["Xavier", Fmt.G(randomSpread, 3), Fmt.P(TourNetworks.Accuracy(context, random, moons))],
        ]).Measure("symmetric_max_difference", constantSpread).Measure("random_max_difference", randomSpread);
        Draw(context, report, curves);
        return report;
    }

    static partial void Draw(TourContext context, TopicReport report, List<(string Label, double[] Std)> curves);
}
