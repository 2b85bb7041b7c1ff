using Pure.Core.Backends;
using Pure.Core.Init;

namespace Pure.Core.Layers;

/// <summary>
/// PReLU (He et al. 2015): a = z for z &gt; 0, else aᵤ·z (at z = 0 the slope aᵤ, as PyTorch and Leaky ReLU have it) with one learnable slope per unit, starting at 0.25.
/// ∂L/∂aᵤ = Σ_rows δ·min(z, 0).
/// </summary>
sealed class PReluLayer(int width, double initialSlope) : LayerPlan("prelu", width, width)
{
    public override IReadOnlyList<ParamSpec> Params { get; } =
        [new("slope", 1, width, ParamKind.Slope, Inits.Constant(initialSlope), width, width)];

    public override void Forward<T>(IBackend<T> backend, in ForwardPass<T> pass) =>
        backend.PReluForward(pass.Input, pass.Rows, width, pass.Params, pass.Output);

    public override void Backward<T>(IBackend<T> backend, in BackwardPass<T> pass) =>
        backend.PReluBackward(pass.Input, pass.Rows, width, pass.Params, pass.OutputGradient, pass.InputGradient, pass.ParamGradients);
}
