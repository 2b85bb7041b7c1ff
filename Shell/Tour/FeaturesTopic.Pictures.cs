using Pure.Shell.Plots;

namespace Pure.Shell.Tour;

public sealed partial class FeaturesTopic
{
    static partial void Draw(TourContext context, TopicReport report, List<(string Caption, float[] Pixels)> units, List<(string Caption, float[] Pixels)> prototypes)
    {
        TourPictures.Save(report, context, "features-first-layer.png", path => Charts.ImageGrid(path, "First-layer weights of 16 hidden units (8×8)", units, 8, 8, 8, figureHeight: 330));
        TourPictures.Save(report, context, "features-class-inputs.png", path => Charts.ImageGrid(path,
            "Each class's preferred input (class → predicted)", prototypes, 8, 8, 5, figureHeight: 400));
    }
}
