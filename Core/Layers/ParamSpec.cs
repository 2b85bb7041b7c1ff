using Pure.Core.Init;

namespace Pure.Core.Layers;

/// <summary>What a parameter is for: weight decay and L2 apply to weights only (not to a normalisation's scale γ).</summary>
public enum ParamKind
{
    Weight,
    Bias,
    Slope,
    Scale,
}

/// <summary>A named, shaped parameter of a layer and how it starts (PyTorch-style names: "0.weight").</summary>
public sealed record ParamSpec(string Name, int Rows, int Cols, ParamKind Kind, Initialiser Init, int FanIn, int FanOut)
{
    public int Length => Rows * Cols;

    public ParamSpec Prefixed(string prefix) => this with { Name = $"{prefix}.{Name}" };
}
