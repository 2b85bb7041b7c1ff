using LanguageExt;
using Pure.Core.Data;
using Pure.Core.Optimisers;
using Pure.Core.Tensors;
using Pure.Core.Training;
using Pure.Shell.Commands;
using Pure.Shell.Recipes;
using Pure.Shell.Csv;
using Pure.Shell.Models;

namespace Pure.Properties.Support;

/// <summary>
/// Models for tests, made the way <c>pure train</c> makes them (CSV → targets → standardise → fit) and saved with
/// <see cref="ModelFile.Save"/>, so eval and predict can be checked against the same model in-process.
/// </summary>
public static class TrainedModels
{
    public sealed record Trained(string Path, SavedModel Saved, Model Model, LabelledTable Table, Targets Targets, Matrix X);

    public static Trained Fit(string csv, string modelPath, LearningTask task = LearningTask.Classification, string? label = null,
        int[]? hidden = null, string activation = "relu", double dropout = 0, string? init = null, int epochs = 30, long seed = 1)
    {
        var table = CsvTableReader.Read(csv, label);
        var targets = Targets.For(table, task);
        var raw = table.Features;
        var standardiser = Standardiser.Fit(raw);
        var x = standardiser.Apply(raw);
        var architecture = new Architecture(hidden ?? [8], activation, dropout, init);
        var loss = task.LossFor(targets.ClassNames.Length);
        var data = Dataset.Create(x, targets.Dense).ThrowIfFail();
        var model = Train.Fit(architecture.Build(targets.Outputs), data, loss, Optimiser.Adam(0.03), epochs, 32, seed).ThrowIfFail();
        var saved = SavedModel.Of(architecture, table.Width, targets.Outputs, loss, task, table.FeatureNames, table.LabelName,
            targets.ClassNames, standardiser, model.Params);
        ModelFile.Save(modelPath, saved);
        return new Trained(modelPath, saved, model, table, targets, x);
    }

    /// <summary>Writes a dataset as CSV with the given header; <paramref name="label"/> turns a target row into its label text.</summary>
    public static string WriteCsv(string path, string header, Dataset data, Func<float, string> label)
    {
        var lines = new List<string> { header };
        for (var r = 0; r < data.Rows; r++)
            lines.Add(string.Join(",", data.Features.Row(r).ToArray().Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture))
                .Append(label(data.Targets[r, 0]))));
        File.WriteAllLines(path, lines);
        return path;
    }
}
