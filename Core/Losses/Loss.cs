namespace Pure.Core.Losses;

/// <summary>
/// A loss together with the link that turns the network's raw output into a prediction: the losses on
/// logits fuse their output nonlinearity (σ or softmax) for stability, so the network ends in a linear layer.
/// </summary>
public sealed record Loss(LossKind Kind, string Name, OutputLink Link, bool IsClassification)
{
    /// <summary>Mean squared error mean((o − y)²) on the raw output, for regression.</summary>
    public static readonly Loss Mse = new(LossKind.MeanSquaredError, "mse", OutputLink.Identity, IsClassification: false);
    /// <summary>Binary cross-entropy on probabilities: the network ends in its own sigmoid.</summary>
    public static readonly Loss BinaryCrossEntropy = new(LossKind.BinaryCrossEntropy, "bce", OutputLink.Identity, IsClassification: true);
    /// <summary>Binary cross-entropy on logits, fused with σ for stability: the network ends in a linear layer.</summary>
    public static readonly Loss BceWithLogits = new(LossKind.BceWithLogits, "bce-with-logits", OutputLink.Sigmoid, IsClassification: true);
    /// <summary>Cross-entropy of softmax(z) against a distribution per row, fused for stability: the network ends in a linear layer.</summary>
    public static readonly Loss SoftmaxCrossEntropy = new(LossKind.SoftmaxCrossEntropy, "softmax-cross-entropy", OutputLink.Softmax, IsClassification: true);

    /// <summary>Every loss: the names model files store.</summary>
    public static IReadOnlyList<Loss> All { get; } = [Mse, BinaryCrossEntropy, BceWithLogits, SoftmaxCrossEntropy];

    /// <summary>The loss called <paramref name="name"/>, or an error listing the names.</summary>
    public static LanguageExt.Fin<Loss> Named(string name) =>
        All.FirstOrDefault(l => l.Name == name) is { } loss
            ? loss
            : LanguageExt.Common.Error.New($"unknown loss '{name}' (one of {string.Join(", ", All.Select(l => l.Name))})");

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>The function from a network's raw output to its prediction.</summary>
public enum OutputLink
{
    /// <summary>The output is the prediction.</summary>
    Identity,
    /// <summary>σ(z) = 1/(1 + e^(−z)) elementwise.</summary>
    Sigmoid,
    /// <summary>softmax(z) per row.</summary>
    Softmax,
}
