using System.CommandLine;
using System.Globalization;
using Pure.Core.Data;
using Pure.Core.Tensors;
using Pure.Core.Training;
using Pure.Shell.Cli;
using Pure.Shell.Csv;
using Pure.Shell.Models;
using Pure.Shell.Recipes;

namespace Pure.Shell.Commands;

/// <summary>
/// <c>pure eval MODEL FILE.csv</c>: a saved model on labelled data — loss and accuracy, the confusion matrix and
/// per-class precision and recall (for regression: MSE and RMSE).
/// </summary>
public static class EvalCommand
{
    public static Command Create(IBackend<float> backend)
    {
        var model = new Argument<string>("model") { Description = "model file written by pure train --save (safetensors)" };
        var file = new Argument<string?>("file") { Description = "CSV file with the model's feature columns and a label column", Arity = ArgumentArity.ZeroOrOne };
        var data = new Option<string?>("--data") { Description = "an MNIST-format IDX folder instead of a CSV: evaluate on its t10k split" };
        var label = new Option<string?>("--label") { Description = "name of the label column (default: the model's label name)" };
        var plot = new Option<string?>("--plot") { Description = "folder for PNG plots: the confusion matrix as a heat map, per-class precision and recall" };
        var command = new Command("eval", "Evaluate a saved model on a labelled CSV file (or an IDX folder's test split)") { model, file, data, label, plot };
        command.SetAction(r => Run(r.GetValue(model)!, DataSource.Of("eval", r.GetValue(file), r.GetValue(data), r.GetValue(label) is null ? null : "--label"), r.GetValue(label), backend,
            r.InvocationConfiguration.Output, r.InvocationConfiguration.Error, r.GetValue(plot)));
        return command;
    }

    public static int Run(string modelPath, DataSource source, string? labelColumn, IBackend<float> backend, TextWriter output, TextWriter error, string? plotFolder = null)
    {
        var saved = ModelFile.Load(modelPath);
        if (plotFolder is not null)
        {
            // before any work: a regressor has no such plots, no chart may replace an input, and the folder is made (or refused)
            if (!saved.IsClassification)
                throw new CliException($"--plot: {modelPath} is a regression model; its plots are a classifier's (confusion matrix, precision and recall)");
            DistinctFiles.Check([new("model", modelPath), .. source.File is { } csv ? [new DistinctFiles.Named("the CSV", csv)] : Array.Empty<DistinctFiles.Named>()],
                EvalPlots.Files.Select(f => new DistinctFiles.Named("--plot", Path.Combine(plotFolder, f))).ToArray());
            OutputFolder.Create("--plot", plotFolder);
        }
        // the model's feature columns, by name: extra columns are ignored, a missing one is an error
        var table = source.Folder is { } folder ? IdxTables.TestSplit(folder, saved)
            : CsvTableReader.Read(source.File!, labelColumn ?? saved.LabelName, saved.FeatureNames, LoadProgress.On(error, source.File!).Report);
        var path = table.Path;
        var x = saved.Standardiser.Apply(table.Features);
        var model = saved.ToModel();
        var predictions = ModelInput.Predictions(saved, x, backend, path, table.LabelLines);

        output.WriteLine($"model: {modelPath}: {saved.Inputs} feature{(saved.Inputs == 1 ? "" : "s")} → {Describe(saved)}; loss {saved.Loss}");
        output.WriteLine($"data:  {path}: {table.Rows} rows");
        if (!saved.IsClassification)
        {
            var values = new float[table.Rows];
            for (var i = 0; i < table.Rows; i++)
                if (!float.TryParse(table.Labels[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !float.IsFinite(values[i]))
                    throw new CliException($"{path}:{table.LabelLines[i]}: column '{table.LabelName}': '{table.Labels[i]}' is not a number (the model does regression)");
            var mse = Loss(backend, model, x, Matrix.Column(values), path);
            output.WriteLine($"loss (mse)  {mse.ToString("F6", CultureInfo.InvariantCulture)}");
            output.WriteLine($"rmse        {Math.Sqrt(mse).ToString("F6", CultureInfo.InvariantCulture)}");
            return ExitCodes.Ok;
        }

        var actual = Classes(saved, table, path);
        var targets = saved.Outputs == 1 ? Matrix.Column(actual.Select(c => (float)c).ToArray()) : OneHot.Encode(actual, saved.Outputs);
        var loss = Loss(backend, model, x, targets, path);
        var predicted = Metrics.Classes(predictions);
        var accuracy = Metrics.Accuracy(predicted, actual);
        var hits = Enumerable.Range(0, actual.Length).Count(i => predicted[i] == actual[i]);
        output.WriteLine($"loss      {loss.ToString("F6", CultureInfo.InvariantCulture)}");
        output.WriteLine($"accuracy  {(accuracy * 100).ToString("F2", CultureInfo.InvariantCulture)}% ({hits} of {table.Rows})");
        output.WriteLine();
        ClassReport.Write(output, saved.ClassNames, predicted, actual);
        if (plotFolder is not null) EvalPlots.Write(plotFolder, path, saved.ClassNames, predicted, actual, output);
        return ExitCodes.Ok;
    }

    static string Describe(SavedModel m) =>
        $"{m.Layer.Name} → " + (m.IsClassification ? $"{m.ClassNames.Count} classes ({Listing.Few(m.ClassNames)})" : $"'{m.LabelName}' (regression)");

    /// <summary>Each label's index among the model's classes; a label the model never saw names its line.</summary>
    static int[] Classes(SavedModel model, LabelledTable table, string path)
    {
        // labels compare as training compared them: as numbers when the classes are all numbers
        var numeric = Targets.AllNumbers(model.ClassNames) && Targets.AllNumbers(table.Labels);
        var index = model.ClassNames.Select((n, i) => (Key: Targets.ClassKey(n, numeric), i)).ToDictionary(p => p.Key, p => p.i, StringComparer.Ordinal);
        var classes = new int[table.Rows];
        for (var i = 0; i < table.Rows; i++)
            if (!index.TryGetValue(Targets.ClassKey(table.Labels[i], numeric), out classes[i]))
                throw new CliException($"{path}:{table.LabelLines[i]}: column '{table.LabelName}': label '{table.Labels[i]}' is not one of the model's classes ({Listing.Few(model.ClassNames)})");
        return classes;
    }

    static double Loss(IBackend<float> backend, Model model, Matrix x, Matrix targets, string path) =>
        Inference.Loss(backend, model.Network, model.Params, model.Loss, x, targets, model.State)
            .Match(l => l, e => throw new CliException($"{path}: {e.Message}"));
}
