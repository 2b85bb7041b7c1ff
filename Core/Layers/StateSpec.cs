namespace Pure.Core.Layers;

/// <summary>
/// A named vector a layer keeps that is not a parameter (a batch norm's running mean and variance: PyTorch's
/// buffers): no gradient, no optimiser, no weight decay. It starts at <see cref="Initial"/> everywhere, is
/// threaded through the training step beside the parameters, and is saved with them. <see cref="Minimum"/> is the
/// least value it can hold (a variance: 0), which a file must respect.
/// </summary>
public sealed record StateSpec(string Name, int Length, float Initial, float Minimum = float.NegativeInfinity)
{
    /// <summary>The same state vector named <c>prefix.Name</c>, as a combinator names its children's.</summary>
    public StateSpec Prefixed(string prefix) => this with { Name = $"{prefix}.{Name}" };
}
