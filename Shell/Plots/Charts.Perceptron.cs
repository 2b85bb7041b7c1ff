using Pure.Core.Perceptron;

namespace Pure.Shell.Plots;

public static partial class Charts
{
    /// <summary>A perceptron on two features: its half-planes H(w·x + b), the points, and the line w·x + b = 0.</summary>
    public static void Perceptron(string path, string title, PerceptronResult result, Dataset data, string xLabel = "x₁", string yLabel = "x₂")
    {
        if (data.InputWidth != 2) throw new ArgumentException($"a perceptron picture needs two features, the data has {data.InputWidth}", nameof(data));
        double Min(int c) => Enumerable.Range(0, data.Rows).Min(r => data.Features[r, c]);
        double Max(int c) => Enumerable.Range(0, data.Rows).Max(r => data.Features[r, c]);
        var (padX, padY) = (0.25 * (Max(0) - Min(0)) + 0.25, 0.25 * (Max(1) - Min(1)) + 0.25);
        var grid = Grid.Sample(Min(0) - padX, Max(0) + padX, Min(1) - padY, Max(1) + padY, 100, 100, (x1, x2) => result.Predict([(float)x1, (float)x2]));
        var points = Enumerable.Range(0, data.Rows).Select(r => new Point2(data.Features[r, 0], data.Features[r, 1], (int)data.Targets[r, 0])).ToArray();
        var line = new Line2(result.Weights[0], result.Weights[1], result.Options.UseBias ? result.Bias : 0, result.BoundaryOver([xLabel, yLabel]));
        DecisionBoundary(path, title, grid, points, line, xLabel: xLabel, yLabel: yLabel);
    }
}
