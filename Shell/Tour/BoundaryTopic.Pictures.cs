using Pure.Core.Diagnostics;
using Pure.Shell.Plots;

namespace Pure.Shell.Tour;

public sealed partial class BoundaryTopic
{
    static partial void Draw(TourContext context, TopicReport report, Dataset data, List<(int Epoch, DecisionGrid Grid, double Accuracy)> frames)
    {
        var points = TourPictures.Points(data);
        var pngs = frames.Select(f => Charts.DecisionBoundaryPng($"Two moons, epoch {f.Epoch}: accuracy {f.Accuracy:P1}", Grid.Of(f.Grid), points)).ToArray();
        TourPictures.Save(report, context, "boundary-evolution.gif", path => Animation.Gif(path, pngs, 60));
        TourPictures.Save(report, context, "boundary-final.png", path => Figure.Save(path, pngs[^1]));
    }
}
