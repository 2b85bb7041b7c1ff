using Pure.Core.Tensors;
using Pure.Shell.Cli;
using Pure.Shell.Models;

namespace Pure.Shell.Commands;

/// <summary>New data for a saved model: its columns must be the model's features, standardised with the training statistics.</summary>
public static class ModelInput
{
    /// <summary>
    /// The model's predictions for every row, refusing (bad input, naming the CSV line) a row whose output is not
    /// a number: features far outside anything the model can take (±3e38, say) overflow it, and a NaN
    /// probability must not pass for a prediction.
    /// </summary>
    public static Matrix Predictions(SavedModel model, Matrix x, IBackend<float> backend, string path, IReadOnlyList<int> lines)
    {
        var predictions = model.ToModel().Predict(x, backend).Match(p => p, e => throw new CliException($"{path}: {e.Message}"));
        for (var r = 0; r < predictions.Rows; r++)
            foreach (var v in predictions.Row(r))
                if (!float.IsFinite(v))
                    throw new CliException($"{path}:{lines[r]}: the model's output for this row is {v}; its features are beyond what the model can take");
        return predictions;
    }
}
