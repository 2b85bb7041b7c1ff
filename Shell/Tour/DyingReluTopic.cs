using Pure.Core.Diagnostics;

namespace Pure.Shell.Tour;

/// <summary>Too large a step pushes ReLU units to where they output 0 for every input, and they never come back.</summary>
public sealed partial class DyingReluTopic : ITourTopic
{
    public string Name => "dying-relu";
    public string Title => "Dying ReLU: the share of dead units per layer";

    public const int Depth = 6;

    public TopicReport Run(TourContext context)
    {
        var report = new TopicReport(Name, Title);
        var moons = TourNetworks.Moons(context, 300);
        (string Key, string Name, Activation Activation, Initialiser Init, Initialiser? Bias, double Rate)[] settings =
        [
            ("relu_high_rate", "ReLU, Xavier, lr 1.0", Activation.Relu, Inits.Xavier, null, 1.0),
            ("leaky_high_rate", "Leaky ReLU, Xavier, lr 1.0", Activation.LeakyRelu(), Inits.Xavier, null, 1.0),
            ("relu_he_bias_high_rate", "ReLU, He + bias 0.01, lr 1.0", Activation.Relu, Inits.He, Inits.Constant(0.01), 1.0),
            ("relu_he_bias", "ReLU, He + bias 0.01, lr 0.1", Activation.Relu, Inits.He, Inits.Constant(0.01), 0.1),
            ("relu_low_rate", "ReLU, Xavier, lr 0.1", Activation.Relu, Inits.Xavier, null, 0.1),
        ];
        var shares = new List<(string Label, double[] Dead, double Accuracy)>();
        var rows = new List<IReadOnlyList<string>>();
        foreach (var (key, name, f, init, bias, rate) in settings)
        {
            var layer = TourNetworks.Stack(Depth, 32, Layers.Activation(f), init, bias: bias);
            var network = Network.Build(layer, moons.InputWidth).Ok();
            double[] DeadPerLayer(Pure.Core.Training.Params p)
            {
                var trace = LayerTrace.Of(context.Backend, network, p, moons.Features).Ok();
                return Enumerable.Range(0, Depth).Select(l => UnitStatistics.DeadShare(trace[2 * l].Output, f)).ToArray();
            }
            var atInit = DeadPerLayer(network.Init(TrainingKeys.FromSeed(3).Init));
            var fitted = TourNetworks.TryFit(context, layer, moons, Loss.BceWithLogits, Optimiser.Sgd(rate), 30, 16, 3);
            if (fitted.IsFail)
            {
                // a diverged run has no dead units to count: its weights are not numbers
                rows.Add([name, .. Enumerable.Repeat("—", Depth), Fmt.P(atInit.Average()), "diverged", "—"]);
                report.Measure($"{key}_diverged", 1).Measure($"{key}_dead_at_init", atInit.Average());
                continue;
            }
            var model = (Model)fitted;
            var dead = DeadPerLayer(model.Params);
            var accuracy = TourNetworks.Accuracy(context, model, moons);
            shares.Add((name, dead, accuracy));
            rows.Add([name, .. dead.Select(Fmt.P), Fmt.P(atInit.Average()), Fmt.P(dead.Average()), Fmt.P(accuracy)]);
            report.Measure($"{key}_dead", dead.Average()).Measure($"{key}_dead_at_init", atInit.Average()).Measure($"{key}_accuracy", accuracy);
        }
        report.Table("share of dead units per hidden layer after 30 epochs of SGD on two moons (6 × 32)",
            ["setting", .. Enumerable.Range(1, Depth).Select(l => $"L{l}"), "mean at init", "mean after", "accuracy"], rows)
            .Note("Dead: f′(z) = 0 for all 300 examples (for ReLU, z ≤ 0 everywhere): the unit outputs 0 and passes no gradient, so it never recovers.")
            .Note("Too high a rate kills ReLU units; Leaky ReLU keeps a slope α, so its units cannot die.")
            .Note("He init with a small positive bias starts with fewer dead units; at lr 1.0 its larger weights make the run diverge (the loss becomes NaN in the first epoch), so the high rate fails it before any unit can die; at lr 0.1 it trains.");
        Draw(context, report, shares);
        return report;
    }

    static partial void Draw(TourContext context, TopicReport report, List<(string Label, double[] Dead, double Accuracy)> shares);
}
