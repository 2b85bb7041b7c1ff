namespace Pure.Core.Losses;

/// <summary>The losses every backend implements, each as mean value plus gradient of the mean.</summary>
public enum LossKind
{
    /// <summary>Mean over all elements of (o − y)² (PyTorch's MSELoss, reduction mean).</summary>
    MeanSquaredError,
    /// <summary>
    /// −[y·log p + (1 − y)·log(1 − p)] on probabilities, each log clamped at −100 (PyTorch's BCELoss), mean over
    /// elements; the gradient is (p − y)/max(p(1 − p), 1e-12), the loss's derivative wherever no log is clamped.
    /// </summary>
        BinaryCrossEntropy,
    /// <summary>max(z, 0) − z·y + log(1 + e^(−|z|)) on logits; mean over elements.</summary>
    BceWithLogits,
    /// <summary>logsumexp(z) − Σ y·z per row (y a distribution, e.g. one-hot); mean over rows.</summary>
    SoftmaxCrossEntropy,
}
