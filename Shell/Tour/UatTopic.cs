
namespace Pure.Shell.Tour;

/// <summary>The universal approximation theorem in practice: one hidden layer fits sin better as it widens.</summary>
public sealed partial class UatTopic : ITourTopic
{
    public string Name => "uat";
    public string Title => "Universal approximation: one hidden tanh layer fitting sin(x) on [−π, π]";

    public static readonly int[] Widths = [1, 2, 4, 8, 16, 32, 64];

    public TopicReport Run(TourContext context)
    {
        var report = new TopicReport(Name, Title);
        var grid = Matrix.Column(Enumerable.Range(0, 401).Select(i => (float)(-Math.PI + 2 * Math.PI * i / 400)).ToArray());
        // train on every other grid point (201 of them), judge on all 401
        var xs = Matrix.Column(Enumerable.Range(0, 201).Select(i => grid[2 * i, 0]).ToArray());
        var train = Dataset.Create(xs, Matrix.Column(Enumerable.Range(0, 201).Select(i => MathF.Sin(xs[i, 0])).ToArray())).Ok();
        var fits = new List<(int Width, double[] Y, double MaxError)>();
        foreach (var width in Widths)
        {
            var model = TourNetworks.Fit(context, Layers.Serial(Layers.Dense(width, Inits.Xavier), Layers.Tanh, Layers.Dense(1)), train, Loss.Mse, Optimiser.Adam(0.005), 4000, 201, 1);
            var y = model.Predict(grid, context.Backend).Ok().Span.ToArray().Select(v => (double)v).ToArray();
            var maxError = Enumerable.Range(0, grid.Rows).Max(i => Math.Abs(y[i] - Math.Sin(grid[i, 0])));
            fits.Add((width, y, maxError));
            report.Measure($"max_error_{width}", maxError);
        }
        report.Table("maximum |f(x) − sin x| on 401 points after 4000 full-batch Adam epochs", ["hidden units", "parameters", "max error"],
            fits.Select(f => (IReadOnlyList<string>)[Fmt.I(f.Width), Fmt.I(3 * f.Width + 1), Fmt.G(f.MaxError, 3)]))
            .Note("Cybenko (1989), Hornik (1991): enough hidden units approximate any continuous function on a compact set. The error falls")
            .Note("steeply with width; past ~16 units the fixed budget (4000 Adam epochs at one rate), not the width, limits the fit.");
        Draw(context, report, grid, fits);
        return report;
    }

    static partial void Draw(TourContext context, TopicReport report, Matrix grid, List<(int Width, double[] Y, double MaxError)> fits);
}
