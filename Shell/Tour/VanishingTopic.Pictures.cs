using Pure.Shell.Plots;

namespace Pure.Shell.Tour;

public sealed partial class VanishingTopic
{
    static partial void Draw(TourContext context, TopicReport report, List<(string Label, double[] Norms)> curves) =>
        TourPictures.Save(report, context, "vanishing-gradients.png", path => Charts.Lines(path,
            "Gradient norm per layer at initialisation (10 hidden layers of 32)", "layer (1 = nearest the input)", "‖∂L/∂W‖ (log scale)",
            curves.Select(c => new Series(c.Label, TourPictures.Range(1, Depth), c.Norms)).ToArray(), logY: true));
}
