using Pure.Shell.Cli;

namespace Pure.Shell.Recipes;

/// <summary>What the labels are: classes to predict, or values to fit.</summary>
public enum LearningTask
{
    Classification,
    Regression,
}

/// <summary>The task's name (on the command line and in model files) and the loss it trains with.</summary>
public static class LearningTasks
{
    public static string Name(this LearningTask task) => task == LearningTask.Regression ? "regression" : "classification";

    /// <summary>The task called <paramref name="name"/>; <paramref name="what"/> names where it came from in the error.</summary>
    public static LearningTask Parse(string name, string what = "--task") => name switch
    {
        "classification" => LearningTask.Classification,
        "regression" => LearningTask.Regression,
        _ => throw new CliException($"{what}: unknown '{name}' (classification or regression)"),
    };

    /// <summary>MSE for regression; for classification one logit with BCE for two classes, softmax cross-entropy for more.</summary>
    public static Loss LossFor(this LearningTask task, int classes) =>
        task == LearningTask.Regression ? Loss.Mse : classes == 2 ? Loss.BceWithLogits : Loss.SoftmaxCrossEntropy;
}
