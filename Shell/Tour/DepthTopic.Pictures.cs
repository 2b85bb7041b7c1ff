using Pure.Shell.Plots;

namespace Pure.Shell.Tour;

public sealed partial class DepthTopic
{
    static partial void Draw(TourContext context, TopicReport report, List<(string Label, double[] Loss, double Accuracy)> curves) =>
        TourPictures.Save(report, context, "depth-moons-loss.png", path => Charts.Lines(path, "Two moons: training loss by depth (8 units per hidden layer)",
            "epoch", "mean batch loss (log scale)", curves.Select(c => new Series($"{c.Label}: {c.Accuracy:P1}", TourPictures.Range(1, c.Loss.Length), c.Loss)).ToArray(), logY: true));
}
