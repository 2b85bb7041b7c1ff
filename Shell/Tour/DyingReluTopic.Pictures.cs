using Pure.Shell.Plots;

namespace Pure.Shell.Tour;

public sealed partial class DyingReluTopic
{
    static partial void Draw(TourContext context, TopicReport report, List<(string Label, double[] Dead, double Accuracy)> shares) =>
        TourPictures.Save(report, context, "dying-relu.png", path => Charts.Bars(path, "Dead units per hidden layer after 30 epochs of SGD (Leaky ReLU: none)",
            "hidden layer", "share of dead units", Enumerable.Range(1, Depth).Select(l => $"L{l}").ToArray(),
            shares.Select(s => new Series(s.Label, TourPictures.Range(0, Depth), s.Dead)).ToArray()));
}
