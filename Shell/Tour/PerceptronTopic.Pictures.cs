using Pure.Core.Perceptron;
using Pure.Shell.Plots;

namespace Pure.Shell.Tour;

public sealed partial class PerceptronTopic
{
    static partial void Draw(TourContext context, TopicReport report, List<(string Name, Dataset Data, PerceptronResult Result)> results)
    {
        foreach (var (name, data, r) in results.Where(g => g.Name is "AND" or "XOR"))
        {
            var title = r.Converged ? $"Perceptron on {name}: converged at epoch {r.Epochs}" : $"Perceptron on {name}: no separating line after {r.Epochs} epochs";
            TourPictures.Save(report, context, $"perceptron-{name.ToLowerInvariant()}.png", path => Charts.Perceptron(path, title, r, data));
        }
    }
}
