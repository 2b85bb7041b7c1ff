using System.CommandLine;
using System.Globalization;
using Pure.Core.Data;
using Pure.Core.Perceptron;
using Pure.Core.Tensors;
using Pure.Shell.Cli;
using Pure.Shell.Recipes;
using Pure.Shell.Plots;
using Pure.Shell.Csv;

namespace Pure.Shell.Commands;

/// <summary>
/// <c>pure perceptron FILE.csv</c>: Rosenblatt's rule on a two-class file, printing the mistakes per epoch, the
/// outcome, the weights and the boundary, and on convergence Novikoff's bound. Not converging is a result (exit 0).
/// </summary>
public static class PerceptronCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "CSV file with a header row and two classes; the label is the last column unless --label" };
        var label = new Option<string?>("--label") { Description = "name of the label column" };
        var lr = new Option<double>("--lr") { Description = "learning rate η", DefaultValueFactory = _ => 1 };
        var epochs = new Option<int>("--epochs") { Description = "the most passes over the data", DefaultValueFactory = _ => 100 };
        var labels = new Option<string>("--labels") { Description = "label coding: 01 (w ← w + η(y − ŷ)x) or pm1 (w ← w + ηyx on a mistake)", DefaultValueFactory = _ => "01" };
        var seed = new Option<long?>("--seed") { Description = "start from small random weights drawn with this seed (default: zeros)" };
        var noBias = new Option<bool>("--no-bias") { Description = "learn no bias: every boundary passes through the origin" };
        var plot = new Option<string?>("--plot") { Description = "PNG file: the points, the half-planes and the boundary (two features)" };

        var command = new Command("perceptron", "Train Rosenblatt's perceptron on a two-class CSV file: errors per epoch, convergence, boundary, Novikoff bound")
        {
            file, label, lr, epochs, labels, seed, noBias, plot,
        };
        command.SetAction(r => Run(r.GetValue(file)!, r.GetValue(label), Options(r.GetValue(lr), r.GetValue(epochs), r.GetValue(labels)!, r.GetValue(seed), r.GetValue(noBias)), r.InvocationConfiguration.Output, r.GetValue(plot)));
        return command;
    }

    /// <summary>The core's options from the command line, checked before any file is read.</summary>
    public static PerceptronOptions Options(double lr, int epochs, string labels, long? seed, bool noBias)
    {
        if (!(lr > 0 && double.IsFinite(lr))) throw new CliException($"--lr: must be a positive number, got {Number(lr)}");
        if (epochs < 1) throw new CliException($"--epochs: must be at least 1, got {epochs}");
        var coding = labels switch
        {
            "01" => PerceptronLabels.ZeroOne,
            "pm1" => PerceptronLabels.PlusMinusOne,
            _ => throw new CliException($"--labels: unknown '{labels}' (01 or pm1)"),
        };
        return PerceptronOptions.Default with
        {
            LearningRate = lr,
            MaxEpochs = epochs,
            Labels = coding,
            UseBias = !noBias,
            Start = seed is { } s ? PerceptronStart.Random(Rng.FromSeed(s)) : PerceptronStart.Zeros,
        };
    }

    public static int Run(string path, string? labelColumn, PerceptronOptions options, TextWriter output, string? plotPath = null)
    {
        if (plotPath is not null) DistinctFiles.Check([new("the data file", path)], [new("--plot", plotPath)]);
        var table = CsvTableReader.Read(path, labelColumn);
        var targets = Targets.For(table, LearningTask.Classification);
        if (targets.ClassNames.Length != 2)
            throw new CliException($"{path}: column '{table.LabelName}' has {targets.ClassNames.Length} classes ({Listing.Few(targets.ClassNames)}); a perceptron separates exactly two");
        var data = Dataset.Create(table.Features, targets.Values).Match(d => d, e => throw new CliException($"{path}: {e.Message}"));
        if (plotPath is not null) AtomicFile.CheckTarget("--plot", plotPath);
        if (plotPath is not null && table.Width != 2)
            throw new CliException($"--plot: {path} has {table.Width} features; the picture needs exactly two");
        var result = Perceptron.Train(data, options).Match(p => p, e => throw new CliException($"{path}: {e.Message}"));

        var pm1 = options.Labels == PerceptronLabels.PlusMinusOne;
        output.WriteLine($"{path}: {table.Rows} rows, {table.Width} features ({string.Join(", ", table.FeatureNames)}); " +
                         $"class '{targets.ClassNames[0]}' → {(pm1 ? "−1" : "0")}, class '{targets.ClassNames[1]}' → {(pm1 ? "+1" : "1")}");
        output.WriteLine($"perceptron: η = {Number(options.LearningRate)}, " +
                         (pm1 ? "labels ±1, w ← w + ηyx on a mistake" : "labels 0/1, w ← w + η(y − ŷ)x") +
                         $", {(options.UseBias ? "with a bias" : "no bias")}, {(options.Start.IsZeros ? "zero start" : "random start")}, at most {options.MaxEpochs} epochs");
        output.WriteLine("(errors: mistakes, i.e. updates, during the epoch; accuracy: the weights at the end of the epoch on every row)");
        for (var e = 0; e < result.Epochs; e++)
            output.WriteLine($"epoch {e + 1,4}  errors {result.ErrorsPerEpoch[e]}  accuracy {result.AccuracyPerEpoch[e] * 100:F1}%");

        result.ConvergedAtEpoch.Match(
            k => output.WriteLine($"converged at epoch {k} after {result.Updates} updates: the boundary separates the two classes"),
            () => NotConverged(result, output));
        output.WriteLine($"weights: {string.Join(", ", table.FeatureNames.Select((n, j) => $"{n} {Number(result.Weights[j])}"))}");
        output.WriteLine(options.UseBias ? $"bias: {Number(result.Bias)}" : "bias: none (the boundary passes through the origin)");
        output.WriteLine($"boundary: {result.BoundaryOver(table.FeatureNames)}");
        result.Separation.IfSome(bound => Novikoff(bound, result, data, table.FeatureNames, output));
        if (plotPath is not null)
        {
            var outcome = result.Converged ? $"converged at epoch {result.Epochs}" : $"not converged after {result.Epochs} epochs";
            Charts.Perceptron(plotPath, $"Perceptron on {Path.GetFileName(path)}: {outcome}", result, data, table.FeatureNames[0], table.FeatureNames[1]);
            output.WriteLine($"plot: {plotPath}");
        }
        return ExitCodes.Ok;
    }

    /// <summary>Says plainly that it did not converge and why: proved by a weight cycle, or else probably.</summary>
    static void NotConverged(PerceptronResult result, TextWriter output)
    {
        var classes = result.Options.UseBias ? "the classes are not linearly separable" : "the classes are not linearly separable by a boundary through the origin (no bias)";
        result.Cycle.Match(
            c =>
            {
                output.WriteLine($"did not converge in {result.Epochs} epochs: {classes}");
                output.WriteLine($"(the weights after epoch {c.Epoch} repeat those {(c.SameAsEpoch == 0 ? "it started from" : $"after epoch {c.SameAsEpoch}")}, " +
                                 "so the mistakes go on forever; on separable data they stop after at most (R/γ)²)");
            },
            () => output.WriteLine($"did not converge in {result.Epochs} epochs: {classes} (or need more epochs)"));
    }

    /// <summary>R, the margin of the boundary found, the widest margin, and the bound (R/γ)² next to the updates made.</summary>
    static void Novikoff(NovikoffBound found, PerceptronResult result, Dataset data, IReadOnlyList<string> names, TextWriter output)
    {
        var withBias = result.Options.UseBias;
        output.WriteLine($"R = {Number(found.Radius)} (the largest ‖{(withBias ? "(x, 1)" : "x")}‖)");
        output.WriteLine(found.Separates
            ? $"γ = {Number(found.Margin)} for the boundary found, so (R/γ)² = {Number(found.Bound)}"
            : $"γ = {Number(found.Margin)} for the boundary found: an example lies on it (H(0) = 1 puts it in class 1), so it gives no bound");
        var widest = Separability.WidestMargin(data, withBias)
            .Bind(h => Separability.Measure(data, h.Weights, h.Bias, withBias).Map(b => (Plane: h, Bound: b)))
            .Match(p => p, e => throw new CliException(e.Message));
        var best = found;
        if (widest.Bound.Margin > found.Margin)
        {
            output.WriteLine($"γ* ≈ {Number(widest.Bound.Margin)} for the widest-margin boundary ≈ {widest.Plane.Equation(names, withBias)}, so (R/γ*)² = {Number(widest.Bound.Bound)}");
            best = widest.Bound;
        }
        var start = result.Options.Start.IsZeros ? "this run" : "this run started at random and";
        output.WriteLine(best.Separates
            ? $"Novikoff: from a zero start at most {Number(best.Bound)} updates; {start} made {result.Updates}"
            : $"Novikoff: no boundary with a positive margin was found, so the theorem gives no bound here; {start} made {result.Updates}");
    }

    /// <summary>Six significant digits, invariant culture, with a true minus sign as in the boundary equation.</summary>
    static string Number(double v) => (v < 0 ? "−" : "") + Math.Abs(v).ToString("G6", CultureInfo.InvariantCulture);
}
