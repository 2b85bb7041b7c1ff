using Pure.Core.Data;
using Pure.Core.Losses;
using Pure.Core.Training;
using Pure.Shell.Cli;
using Pure.Shell.Recipes;

namespace Pure.Shell.Models;

/// <summary>
/// A trained model with everything needed to use it on new data: the network (any layer tree the core's
/// constructors compose, already given its output layer), its parameters and state, the loss (and so the output
/// link), the column names, the class names in output order (empty for regression) and the standardiser fitted
/// on the training data.
/// </summary>
public sealed record SavedModel(
    Layer Layer, int Inputs, int Outputs, Loss Loss, LearningTask Task,
    IReadOnlyList<string> FeatureNames, string LabelName, IReadOnlyList<string> ClassNames,
    Standardiser Standardiser, Params Params)
{
    /// <summary>The layers' state (running statistics); null for the network's initial state.</summary>
    public LayerState? State { get; init; }

    public bool IsClassification => Task == LearningTask.Classification;

    /// <summary>The network built from <see cref="Layer"/> for <see cref="Inputs"/> features.</summary>
    public Network Network =>
        Network.Build(Layer, Inputs).Match(n => n, e => throw new CliException($"network: {e.Message}"));

    /// <summary>The core's model value (network, loss, parameters, state) for prediction.</summary>
    public Model ToModel()
    {
        var network = Network;
        return new Model(network, Loss, Params) { State = State ?? network.InitialState() };
    }

    /// <summary>A model trained from the command line's <paramref name="architecture"/> (its output layer added for <paramref name="outputs"/>).</summary>
    public static SavedModel Of(Architecture architecture, int inputs, int outputs, Loss loss, LearningTask task, IReadOnlyList<string> featureNames,
        string labelName, IReadOnlyList<string> classNames, Standardiser standardiser, Params parameters) =>
        new(architecture.Build(outputs), inputs, outputs, loss, task, featureNames, labelName, classNames, standardiser, parameters);

    /// <summary>
    /// A model trained in C# or F# (any network composed from the core's constructors), ready for
    /// <see cref="ModelFile.Save"/> and so for <c>pure eval</c> and <c>pure predict</c>: the task follows the loss,
    /// and the standardiser is the identity unless the inputs were standardised.
    /// </summary>
    public static SavedModel From(Model model, IReadOnlyList<string> featureNames, string labelName, IReadOnlyList<string> classNames, Standardiser? standardiser = null)
    {
        var inputs = model.Network.InputWidth;
        return new SavedModel(model.Network.Layer, inputs, model.Network.OutputWidth, model.Loss,
            model.Loss.IsClassification ? LearningTask.Classification : LearningTask.Regression, featureNames, labelName, classNames,
            standardiser ?? Standardiser.Of(new float[inputs], Enumerable.Repeat(1f, inputs).ToArray()), model.Params) { State = model.State };
    }

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
