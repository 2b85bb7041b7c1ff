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

    /// <summary>The task called <paramref name="name"/>, or null.</summary>
    public static LearningTask? Named(string name) => Enum.GetValues<LearningTask>().Cast<LearningTask?>().FirstOrDefault(t => t!.Value.Name() == name);

    /// <summary>The names, for messages.</summary>
    public static string Names => string.Join(" or ", Enum.GetValues<LearningTask>().Select(t => t.Name()));

    /// <summary>The task named on the command line, or a usage error.</summary>
    public static LearningTask Parse(string name) =>
        Named(name) ?? throw new CliException($"--task: unknown '{name}' ({Names})");

    /// <summary>MSE for regression; for classification one logit with BCE for two classes, softmax cross-entropy for more.</summary>
    public static Loss LossFor(this LearningTask task, int classes) =>
        task == LearningTask.Regression ? Loss.Mse : classes == 2 ? Loss.BceWithLogits : Loss.SoftmaxCrossEntropy;
}
