using Pure.Core.Data;
using Pure.Core.Losses;
using Pure.Core.Training;
using Pure.Shell.Cli;
using Pure.Shell.Recipes;

namespace Pure.Shell.Models;

/// <summary>
/// A trained command-line model with everything needed to use it on new data: the network's shape and
/// parameters, the loss (and so the output link), the column names, the class names in output order (empty
/// for regression) and the standardiser fitted on the training data.
/// </summary>
public sealed record SavedModel(
    Architecture Architecture, int Inputs, int Outputs, Loss Loss, LearningTask Task,
    IReadOnlyList<string> FeatureNames, string LabelName, IReadOnlyList<string> ClassNames,
    Standardiser Standardiser, Params Params)
{
    public bool IsClassification => Task == LearningTask.Classification;

    /// <summary>The network rebuilt from <see cref="Architecture"/> for <see cref="Inputs"/> features.</summary>
    public Network Network =>
        Network.Build(Architecture.Build(Outputs), Inputs).Match(n => n, e => throw new CliException($"network: {e.Message}"));

    /// <summary>The core's model value (network, loss, parameters) for prediction.</summary>
    public Model ToModel() => new(Network, Loss, Params);

    /// <summary>What makes the parts disagree with each other, or null when they fit (the network is not built here).</summary>
    public string? Inconsistency()
    {
        if (Inputs < 1 || Outputs < 1) return $"inputs ({Inputs}) and outputs ({Outputs}) must be positive";
        if (FeatureNames.Count != Inputs) return $"{FeatureNames.Count} feature names for {Inputs} inputs";
        if (FeatureNames.Distinct(StringComparer.Ordinal).Count() != FeatureNames.Count) return "a feature name appears twice";
        if (string.IsNullOrEmpty(LabelName)) return "the label name is empty";
        if (Standardiser.Width != Inputs) return $"standardiser statistics for {Standardiser.Width} columns, the model has {Inputs} inputs";
        if (ClassNames.Distinct(StringComparer.Ordinal).Count() != ClassNames.Count) return "a class name appears twice";
        return (Task, Loss.Kind) switch
        {
            (LearningTask.Regression, LossKind.MeanSquaredError) => ClassNames.Count == 0
                ? Outputs == 1 ? null : $"a regression model has one output, this one has {Outputs}"
                : $"a regression model has no classes, this one lists {ClassNames.Count}",
            (LearningTask.Classification, LossKind.BceWithLogits or LossKind.BinaryCrossEntropy) => ClassNames.Count == 2 && Outputs == 1
                ? null
                : $"loss {Loss.Name} needs 2 classes and 1 output, found {ClassNames.Count} classes and {Outputs} outputs",
            (LearningTask.Classification, LossKind.SoftmaxCrossEntropy) => ClassNames.Count >= 2 && ClassNames.Count == Outputs
                ? null
                : $"loss {Loss.Name} needs one output per class (at least 2), found {ClassNames.Count} classes and {Outputs} outputs",
            _ => $"task '{Task.Name()}' does not go with loss {Loss.Name}",
        };
    }
}
