using System.CommandLine;
using System.Globalization;
using System.Text;
using Pure.Core.Training;
using Pure.Shell.Cli;
using Pure.Shell.Csv;
using Pure.Shell.Models;

namespace Pure.Shell.Commands;

/// <summary>
/// <c>pure predict MODEL FILE.csv [--proba]</c>: CSV on stdout, one row per input row — the predicted class name
/// (or value, for regression) under the model's label name, and with --proba a <c>p_CLASS</c> column per class.
/// A column named like the model's label is ignored, so labelled and unlabelled files both work.
/// </summary>
public static class PredictCommand
{
    public static Command Create(IBackend<float> backend)
    {
        var model = new Argument<string>("model") { Description = "model file written by pure train --save (safetensors)" };
        var file = new Argument<string?>("file") { Description = "CSV file with the model's feature columns (a label column is ignored)", Arity = ArgumentArity.ZeroOrOne };
        var data = new Option<string?>("--data") { Description = "an MNIST-format IDX folder instead of a CSV: predict its t10k images" };
        var proba = new Option<bool>("--proba") { Description = "add the probability of each class (columns p_CLASS)" };
        var command = new Command("predict", "Predict with a saved model; writes CSV to stdout") { model, file, data, proba };
        command.SetAction(r => Run(r.GetValue(model)!, DataSource.Of("predict", r.GetValue(file), r.GetValue(data)), r.GetValue(proba), backend,
            r.InvocationConfiguration.Output, r.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(string modelPath, DataSource source, bool proba, IBackend<float> backend, TextWriter output, TextWriter error)
    {
        var saved = ModelFile.Load(modelPath);
        if (proba && !saved.IsClassification)
            throw new CliException($"--proba: {modelPath} is a regression model; it predicts values, not class probabilities");
        // the model's feature columns, by name: extra columns are ignored, a missing one is an error
        var table = source.Folder is { } folder ? IdxTables.TestFeatures(folder, saved)
            : CsvTableReader.ReadFeatures(source.File!, saved.LabelName, saved.FeatureNames, LoadProgress.On(error, source.File!).Report);
        var path = table.Path;
        var x = saved.Standardiser.Apply(table.Features);
        var predictions = ModelInput.Predictions(saved, x, backend, path, table.Lines);

        var header = new List<string> { saved.LabelName };
        if (proba) header.AddRange(saved.ClassNames.Select(c => $"p_{c}"));
        var text = new StringBuilder().AppendJoin(',', header.Select(Field)).Append('\n');
        var classes = saved.IsClassification ? Metrics.Classes(predictions) : [];
        for (var r = 0; r < predictions.Rows; r++)
        {
            var row = predictions.Row(r);
            if (!saved.IsClassification) text.Append(Number(row[0]));
            else text.Append(Field(saved.ClassNames[classes[r]]));
            if (proba)
            {
                // One sigmoid output is P(second class); the first class gets the complement.
                if (row.Length == 1) text.Append(',').Append(Number(1f - row[0])).Append(',').Append(Number(row[0]));
                else foreach (var p in row) text.Append(',').Append(Number(p));
            }
            text.Append('\n');
            if (text.Length > 1 << 16) Flush(output, text); // stdout flushes on every write: write in blocks
        }
        Flush(output, text);
        return ExitCodes.Ok;
    }

    static void Flush(TextWriter output, StringBuilder text)
    {
        output.Write(text.ToString());
        text.Clear();
    }

    static string Number(float v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>RFC 4180 quoting: a field with a comma, quote or line break is quoted, quotes doubled.</summary>
    static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : $"\"{value.Replace("\"", "\"\"")}\"";
}
