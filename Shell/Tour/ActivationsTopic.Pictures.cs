using Pure.Shell.Plots;

namespace Pure.Shell.Tour;

public sealed partial class ActivationsTopic
{
    static partial void Draw(TourContext context, TopicReport report) =>
        TourPictures.Save(report, context, "activations.png", path => Charts.ActivationGallery(path, Activation.All));
}
