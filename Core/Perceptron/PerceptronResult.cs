using LanguageExt;

namespace Pure.Core.Perceptron;

/// <summary>
/// What a perceptron run produced: the final weights and bias, the mistakes made during each epoch (= the updates
/// of that epoch) and the training accuracy of the weights at the end of each epoch, the total number of updates,
/// the epoch without mistakes that stopped it (None if it never came), a weight cycle that proves the classes
/// inseparable (None if none was seen), and — when it converged — R, the margin γ of the boundary found and the
/// Novikoff bound (R/γ)².
/// </summary>
public sealed record PerceptronResult(
    IReadOnlyList<double> Weights,
    double Bias,
    IReadOnlyList<int> ErrorsPerEpoch,
    IReadOnlyList<double> AccuracyPerEpoch,
    int Updates,
    Option<int> ConvergedAtEpoch,
    Option<WeightCycle> Cycle,
    Option<NovikoffBound> Separation,
    PerceptronOptions Options)
{
    /// <summary>Whether an epoch passed without a mistake (the weights then separate the training data).</summary>
    public bool Converged => ConvergedAtEpoch.IsSome;

    /// <summary>The epochs run: the converging epoch, or all of <see cref="PerceptronOptions.MaxEpochs"/>.</summary>
    public int Epochs => ErrorsPerEpoch.Count;

    /// <summary>w·x + b.</summary>
    public double Net(ReadOnlySpan<float> x) => Perceptron.Net(Weights, Bias, x);

    /// <summary>The class index H(w·x + b): 1 on the boundary and on its positive side, 0 on the other.</summary>
    public int Predict(ReadOnlySpan<float> x) => Perceptron.Step(Net(x));

    /// <summary>The hyperplane w·x + b = 0 the run ended with.</summary>
    public Hyperplane Hyperplane => new(Weights, Bias);

    /// <summary>The decision boundary as an equation over inputs named x1, x2, …, e.g. <c>2·x1 + 1·x2 − 3 = 0</c>.</summary>
    public string Boundary => Hyperplane.Equation(Options.UseBias);

    /// <summary>The decision boundary over the given input names (no constant term when trained without a bias).</summary>
    public string BoundaryOver(IReadOnlyList<string> names) => Hyperplane.Equation(names, Options.UseBias);
}
