
namespace Pure.Shell.Tour;

/// <summary>Every activation's value and slope, the largest slopes, and why deep sigmoid stacks vanish.</summary>
public sealed partial class ActivationsTopic : ITourTopic
{
    public string Name => "activations";
    public string Title => "Activations and their derivatives";

    public TopicReport Run(TourContext context)
    {
        var report = new TopicReport(Name, Title);
        double[] zs = [-2, 0, 2];
        report.Table("f(z) and f′(z)", ["activation", .. zs.Select(z => $"f({z})"), .. zs.Select(z => $"f′({z})")],
            Activation.All.Select(f => (IReadOnlyList<string>)[f.Name, .. zs.Select(z => Fmt.F(f.Value(z), 4)), .. zs.Select(z => Fmt.F(f.Derivative(z), 4))]));
        var grid = Enumerable.Range(-4000, 8001).Select(i => i / 1000.0).ToArray();
        var maxSigmoid = grid.Max(Activation.Sigmoid.Derivative);
        var maxTanh = grid.Max(Activation.Tanh.Derivative);
        report.Table("largest derivative on [−4, 4]", ["activation", "max f′", "at z"],
        [
            ["sigmoid", Fmt.F(maxSigmoid, 4), Fmt.F(grid.MaxBy(Activation.Sigmoid.Derivative), 2)],
            ["tanh", Fmt.F(maxTanh, 4), Fmt.F(grid.MaxBy(Activation.Tanh.Derivative), 2)],
        ]);
        report.Table("the vanishing product: n sigmoid layers scale a gradient by at most 0.25ⁿ", ["n", "0.25ⁿ"],
            Enumerable.Range(1, 10).Select(n => (IReadOnlyList<string>)[Fmt.I(n), Fmt.G(Math.Pow(0.25, n), 4)]));
        report.Measure("max_sigmoid_derivative", maxSigmoid).Measure("max_tanh_derivative", maxTanh).Measure("vanishing_10", Math.Pow(maxSigmoid, 10));
        Draw(context, report);
        return report;
    }

    static partial void Draw(TourContext context, TopicReport report);
}
