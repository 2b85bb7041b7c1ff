using LanguageExt;
using Pure.Core.Tensors;

namespace Pure.Core.Perceptron;

/// <summary>
/// How <see cref="Perceptron.Train"/> runs: learning rate η, the most epochs, the label coding, whether there is a
/// bias, where the weights start and, optionally, a key that shuffles the rows anew each epoch (default: the fixed
/// row order of the classic algorithm). Change one setting with <c>with</c>: <c>PerceptronOptions.Default with { UseBias = false }</c>.
/// </summary>
public sealed record PerceptronOptions
{
    /// <summary>The step η &gt; 0. From a zero start it only scales the weights: the mistakes are the same for every η.</summary>
    public double LearningRate { get; init; } = 1;

    /// <summary>The most passes over the data; training stops earlier at the first pass without a mistake.</summary>
    public int MaxEpochs { get; init; } = 100;

    /// <summary>How the two classes are coded in the targets (default {0, 1}).</summary>
    public PerceptronLabels Labels { get; init; } = PerceptronLabels.ZeroOne;

    /// <summary>
    /// Whether to learn a bias b. Without one every boundary w·x = 0 passes through the origin, and with H(0) = 1
    /// the origin itself is always put in class 1.
    /// </summary>
    public bool UseBias { get; init; } = true;

    /// <summary>Where the weights and bias start (default all zeros).</summary>
    public PerceptronStart Start { get; init; } = PerceptronStart.Zeros;

    /// <summary>When Some, epoch e visits the rows in the order <c>key.Fold(e).Permutation(rows)</c>; None keeps the file's order.</summary>
    public Option<Rng> ShuffleEachEpoch { get; init; }

    /// <summary>η = 1, 100 epochs, labels {0, 1}, with a bias, zero start, fixed order.</summary>
    public static PerceptronOptions Default { get; } = new();
}
