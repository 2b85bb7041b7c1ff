using Pure.Core.Diagnostics;

namespace Pure.Shell.Tour;

/// <summary>A two-moons network's decision boundary as it forms during training.</summary>
public sealed partial class BoundaryTopic : ITourTopic
{
    public string Name => "boundary";
    public string Title => "The decision boundary as it evolves during training";

    public static readonly int[] Snapshots = [0, 1, 2, 3, 5, 8, 12, 20, 30, 45, 60, 80, 100];

    public TopicReport Run(TourContext context)
    {
        var report = new TopicReport(Name, Title);
        var moons = TourNetworks.Moons(context, 300);
        var layer = TourNetworks.Stack(2, 16, Layers.Relu, Inits.He);
        var network = Network.Build(layer, 2).Ok();
        var frames = new List<(int Epoch, DecisionGrid Grid, double Accuracy)>();
        void Snapshot(int epoch, Params p)
        {
            var model = new Model(network, Loss.BceWithLogits, p);
            frames.Add((epoch, DecisionGrid.Of(model, -1.6, 2.6, -1.2, 1.7, 60, context.Backend).Ok(), TourNetworks.Accuracy(context, model, moons)));
        }
        var initial = network.Init(Pure.Core.Tensors.Rng.FromSeed(4).Fold(0));
        Snapshot(0, initial);
        Train.Fit(network, initial, moons, Loss.BceWithLogits, Optimiser.Adam(0.01), Snapshots[^1], 32, 4, context.Backend,
            e => { if (Snapshots.Contains(e.Epoch)) Snapshot(e.Epoch, e.Parameters()); }).Ok();
        report.Table("accuracy at each frame", ["epoch", "accuracy"], frames.Select(f => (IReadOnlyList<string>)[Fmt.I(f.Epoch), Fmt.P(f.Accuracy)]))
            .Measure("first_accuracy", frames[0].Accuracy).Measure("last_accuracy", frames[^1].Accuracy).Measure("frames", frames.Count);
        Draw(context, report, moons, frames);
        return report;
    }

    static partial void Draw(TourContext context, TopicReport report, Pure.Core.Data.Dataset data, List<(int Epoch, DecisionGrid Grid, double Accuracy)> frames);
}
