using Pure.Core.Tensors;
using Pure.Shell.Cli;
using Pure.Shell.Models;

namespace Pure.Shell.Commands;

/// <summary>New data for a saved model: its columns must be the model's features, standardised with the training statistics.</summary>
public static class ModelInput
{
    /// <summary>Checks that <paramref name="columns"/> are the model's feature names, in the model's order.</summary>
    public static void CheckColumns(SavedModel model, string path, IReadOnlyList<string> columns)
    {
        if (columns.SequenceEqual(model.FeatureNames, StringComparer.Ordinal)) return;
        var missing = model.FeatureNames.Except(columns, StringComparer.Ordinal).ToArray();
        var unexpected = columns.Except(model.FeatureNames, StringComparer.Ordinal).ToArray();
        var expected = string.Join(", ", model.FeatureNames);
        if (missing.Length == 0 && unexpected.Length == 0)
            throw new CliException($"{path}: the feature columns are {string.Join(", ", columns)}; the model expects them in the order {expected}");
        var parts = new List<string>();
        if (missing.Length > 0) parts.Add($"missing {string.Join(", ", missing.Select(c => $"'{c}'"))}");
        if (unexpected.Length > 0) parts.Add($"unexpected {string.Join(", ", unexpected.Select(c => $"'{c}'"))}");
        throw new CliException($"{path}: the columns do not match the model's features ({expected}; label '{model.LabelName}'): {string.Join("; ", parts)}");
    }

    /// <summary>The raw feature values as a matrix, standardised with the statistics saved with the model.</summary>
    public static Matrix Standardised(SavedModel model, string path, int rows, float[] values)
    {
        var raw = Matrix.From(rows, model.Inputs, values).Match(m => m, e => throw new CliException($"{path}: {e.Message}"));
        return model.Standardiser.Apply(raw);
    }
}
