using Pure.Core.Init;

namespace Pure.Core.Layers;

/// <summary>What a parameter is for: weight decay and L2 apply to weights only (not to a normalisation's scale γ).</summary>
public enum ParamKind
{
    /// <summary>A weight matrix: weight decay and L2 apply.</summary>
    Weight,
    /// <summary>A bias (or a normalisation's shift β).</summary>
    Bias,
    /// <summary>A PReLU's learnable slope.</summary>
    Slope,
    /// <summary>A normalisation's scale γ.</summary>
    Scale,
}

/// <summary>A named, shaped parameter of a layer and how it starts (PyTorch-style names: "0.weight").</summary>
public sealed record ParamSpec(string Name, int Rows, int Cols, ParamKind Kind, Initialiser Init, int FanIn, int FanOut)
{
    /// <summary>The number of elements, Rows × Cols.</summary>
    public int Length => Rows * Cols;

    /// <summary>The same parameter named <c>prefix.Name</c>, as a combinator names its children's ("0.weight").</summary>
    public ParamSpec Prefixed(string prefix) => this with { Name = $"{prefix}.{Name}" };
}
