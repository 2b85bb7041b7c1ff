using Pure.Core.Activations;

namespace Pure.Core.Losses;

/// <summary>
/// A loss together with the link that turns the network's raw output into a prediction: the losses on
/// logits fuse their output nonlinearity (σ or softmax) for stability, so the network ends in a linear layer.
/// </summary>
public sealed record Loss(LossKind Kind, string Name)
{
    public static readonly Loss Mse = new(LossKind.MeanSquaredError, "mse");
    public static readonly Loss BinaryCrossEntropy = new(LossKind.BinaryCrossEntropy, "bce");
    public static readonly Loss BceWithLogits = new(LossKind.BceWithLogits, "bce-with-logits");
    public static readonly Loss SoftmaxCrossEntropy = new(LossKind.SoftmaxCrossEntropy, "softmax-cross-entropy");

    /// <summary>What turns the network's output into a prediction (probability or value).</summary>
    public OutputLink Link => Kind switch
    {
        LossKind.BceWithLogits => OutputLink.Sigmoid,
        LossKind.SoftmaxCrossEntropy => OutputLink.Softmax,
        _ => OutputLink.Identity,
    };

    /// <summary>Whether predictions are classes (accuracy makes sense) rather than values.</summary>
    public bool IsClassification => Kind != LossKind.MeanSquaredError;

    public override string ToString() => Name;
}

/// <summary>The function from a network's raw output to its prediction.</summary>
public enum OutputLink
{
    Identity,
    Sigmoid,
    Softmax,
}
