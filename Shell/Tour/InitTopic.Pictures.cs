using Pure.Shell.Plots;

namespace Pure.Shell.Tour;

public sealed partial class InitTopic
{
    static partial void Draw(TourContext context, TopicReport report, List<(string Label, double[] Std)> curves) =>
        // zeros give exactly 0 at every layer: nothing to draw on a log scale
        TourPictures.Save(report, context, "init-activation-std.png", path => Charts.Lines(path,
            "Activation spread by depth (zero init: 0, not drawn)", "layer", "std of activations (log scale)",
            curves.Where(c => c.Std.All(v => v > 0)).Select(c => new Series(c.Label, TourPictures.Range(1, Depth), c.Std)).ToArray(), logY: true));
}
