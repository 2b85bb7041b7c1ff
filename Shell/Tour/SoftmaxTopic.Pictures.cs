using Pure.Shell.Plots;

namespace Pure.Shell.Tour;

public sealed partial class SoftmaxTopic
{
    static partial void Draw(TourContext context, TopicReport report, double[] temperatures, double[][] probabilities) =>
        TourPictures.Save(report, context, "softmax-temperature.png", path => Charts.Bars(path, "softmax([2, 1, 0.1] / T)", "logit", "probability",
            ["2", "1", "0.1"], temperatures.Select((t, i) => new Series($"T = {t:0.0#}", [0, 1, 2], probabilities[i])).ToArray()));
}
