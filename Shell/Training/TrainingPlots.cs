using Pure.Core.Diagnostics;
using Pure.Shell.Models;
using Pure.Shell.Plots;

namespace Pure.Shell.Training;

/// <summary><c>train --plot DIR</c>: the training curves and, for two features and two classes, the decision boundary.</summary>
public static class TrainingPlots
{
    /// <summary>The files <see cref="Write"/> may create in its folder.</summary>
    public static readonly string[] Files = ["training-curves.png", "decision-boundary.png"];

    public static void Write(string folder, string source, IReadOnlyList<EpochReport> rows, SavedModel model, TrainingData examples, IBackend<float> backend, TextWriter output)
    {
        var curves = Path.Combine(folder, Files[0]);
        Charts.TrainingCurves(curves, $"Training on {Path.GetFileName(source)}",
            rows.Select(r => (r.Epoch, r.Loss, r.Accuracy, r.ValidationLoss, r.ValidationAccuracy)).ToArray());
        output.WriteLine($"plot: {curves}");
        if (examples.Width != 2 || model.ClassNames.Count != 2) return;

        var x = examples.Features;
        double Min(int c) => Enumerable.Range(0, x.Rows).Min(r => x[r, c]);
        double Max(int c) => Enumerable.Range(0, x.Rows).Max(r => x[r, c]);
        var (padX, padY) = (0.1 * (Max(0) - Min(0) + 1e-9), 0.1 * (Max(1) - Min(1) + 1e-9));
        // the grid is in the data's own units; the model sees them standardised, as in training
        var grid = DecisionGrid.Of(model.ToModel(), Min(0) - padX, Max(0) + padX, Min(1) - padY, Max(1) + padY, 100, backend, model.Standardiser.Apply)
            .Match(g => g, e => throw new Cli.CliException(e.Message, Cli.ExitCodes.Failed));
        var points = Enumerable.Range(0, x.Rows).Select(r => new Point2(x[r, 0], x[r, 1], examples.Targets.Classes[r])).ToArray();
        var boundary = Path.Combine(folder, Files[1]);
        Charts.DecisionBoundary(boundary, $"Decision boundary on {Path.GetFileName(source)}", Grid.Of(grid), points,
            xLabel: model.FeatureNames[0], yLabel: model.FeatureNames[1]);
        output.WriteLine($"plot: {boundary}");
    }
}
