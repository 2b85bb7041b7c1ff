using Pure.Core.Tensors;
using Pure.Shell.Cli;
using Pure.Shell.Models;

namespace Pure.Shell.Commands;

/// <summary>New data for a saved model: its columns must be the model's features, standardised with the training statistics.</summary>
public static class ModelInput
{
    /// <summary>The raw feature values as a matrix, standardised with the statistics saved with the model.</summary>
    public static Matrix Standardised(SavedModel model, string path, int rows, float[] values)
    {
        var raw = Matrix.From(rows, model.Inputs, values).Match(m => m, e => throw new CliException($"{path}: {e.Message}"));
        return model.Standardiser.Apply(raw);
    }
}
