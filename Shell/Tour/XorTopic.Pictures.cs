using Pure.Shell.Plots;

namespace Pure.Shell.Tour;

public sealed partial class XorTopic
{
    static partial void Draw(TourContext context, TopicReport report, Matrix hidden, Matrix labels, float[] w, float b)
    {
        // the output unit σ(w·h + b) over the hidden plane, the four points where the hidden layer puts them
        var grid = Grid.Sample(-1.25, 1.25, -1.25, 1.25, 80, 80, (h1, h2) => Activation.Sigmoid.Value(w[0] * h1 + w[1] * h2 + b));
        var points = Enumerable.Range(0, 4).Select(r => new Point2(hidden[r, 0], hidden[r, 1], (int)labels[r, 0])).ToArray();
        TourPictures.Save(report, context, "xor-hidden-space.png", path => Charts.DecisionBoundary(path,
            "XOR in the hidden layer's coordinates: linearly separable", grid, points, new Line2(w[0], w[1], b, "output unit: w·h + b = 0"),
            xLabel: "h₁ (hidden unit 1)", yLabel: "h₂ (hidden unit 2)"));
    }
}
