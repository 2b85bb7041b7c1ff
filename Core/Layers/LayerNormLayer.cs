using System.Numerics;
using Pure.Core.Backends;
using Pure.Core.Init;

namespace Pure.Core.Layers;

/// <summary>
/// Layer normalisation (Ba et al. 2016, PyTorch's <c>LayerNorm</c>): each row becomes (x − μ)/√(σ² + ε)·γ + β with
/// the row's own mean and biased variance, the same in training and evaluation. γ starts at 1 and β at 0
/// ("weight" and "bias", as PyTorch names them). The workspace keeps x̂ and each row's μ and σ² for the backward.
/// </summary>
sealed class LayerNormLayer(int width, double epsilon) : LayerPlan(Layers.LayerNormName(epsilon), width, width)
{
    public override IReadOnlyList<ParamSpec> Params { get; } =
    [
        new("weight", 1, width, ParamKind.Scale, Inits.Constant(1), width, width),
        new("bias", 1, width, ParamKind.Bias, Inits.Zeros, width, width),
    ];

    public override int WorkspaceLength(int rows) => checked(rows * width + 2 * rows);

    public override void Forward<T>(IBackend<T> backend, in ForwardPass<T> pass)
    {
        var (h, mean, variance) = Parts(pass.Workspace, pass.Rows);
        backend.NormalizeForward(NormAxis.PerRow, true, pass.Input.Slice(0, pass.Rows * width), pass.Rows, width, T.CreateTruncating(epsilon),
            pass.Params.Slice(0, width), pass.Params.Slice(width, width), mean, variance, h, pass.Output.Slice(0, pass.Rows * width));
    }

    public override void Backward<T>(IBackend<T> backend, in BackwardPass<T> pass)
    {
        var (h, _, variance) = Parts(pass.Workspace, pass.Rows);
        backend.NormalizeBackward(NormAxis.PerRow, true, h, variance, pass.Rows, width, T.CreateTruncating(epsilon), pass.Params.Slice(0, width),
            pass.OutputGradient.Slice(0, pass.Rows * width), pass.WantsInputGradient ? pass.InputGradient.Slice(0, pass.Rows * width) : default,
            pass.ParamGradients.Slice(0, width), pass.ParamGradients.Slice(width, width));
    }

    (View<T> Normalised, View<T> Mean, View<T> Variance) Parts<T>(View<T> workspace, int rows) =>
        (workspace.Slice(0, rows * width), workspace.Slice(rows * width, rows), workspace.Slice(rows * width + rows, rows));
}
