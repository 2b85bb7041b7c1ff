using System.Numerics;
using Pure.Core.Activations;
using Pure.Core.Backends;
using Pure.Core.Init;

namespace Pure.Core.Layers;

/// <summary>
/// z = x·Wᵀ + b with W of shape (out, in): m(n+1) parameters. Backward: ∂W = δᵀ·x, ∂b = Σ_rows δ, ∂x = δ·W.
/// </summary>
sealed class DenseLayer(string name, int inputs, int units, Initialiser weights, Initialiser? bias) : LayerPlan(name, inputs, units)
{
    public override IReadOnlyList<ParamSpec> Params { get; } = bias is null
        ? [new("weight", units, inputs, ParamKind.Weight, weights, inputs, units)]
        : [new("weight", units, inputs, ParamKind.Weight, weights, inputs, units),
           new("bias", 1, units, ParamKind.Bias, bias, inputs, units)];

    public bool HasBias => bias is not null;

    public override void Forward<T>(IBackend<T> backend, in ForwardPass<T> pass)
    {
        var z = Product(backend, pass);
        if (bias is not null) backend.AddRowVector(z, pass.Rows, units, pass.Params.Slice(units * inputs, units), z);
    }

    /// <summary>This layer's forward pass and the activation <paramref name="f"/> after it, fused: z = x·Wᵀ, then z += b and a = f(z) in one pass.</summary>
    public void ForwardThen<T>(IBackend<T> backend, in ForwardPass<T> pass, Activation f, View<T> a) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var z = Product(backend, pass);
        backend.BiasActivationForward(f, z, pass.Rows, units, pass.Params.Slice(units * inputs, units), a.Slice(0, pass.Rows * units));
    }

    View<T> Product<T>(IBackend<T> backend, in ForwardPass<T> pass) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var z = pass.Output.Slice(0, pass.Rows * units);
        backend.Gemm(Transpose.No, Transpose.Yes, pass.Rows, units, inputs, T.One, pass.Input, pass.Params.Slice(0, units * inputs), T.Zero, z);
        return z;
    }

    public override void Backward<T>(IBackend<T> backend, in BackwardPass<T> pass)
    {
        var w = pass.Params.Slice(0, units * inputs);
        backend.Gemm(Transpose.Yes, Transpose.No, units, inputs, pass.Rows, T.One, pass.OutputGradient, pass.Input, T.Zero,
            pass.ParamGradients.Slice(0, units * inputs));
        if (bias is not null)
            backend.SumRows(pass.OutputGradient, pass.Rows, units, T.Zero, pass.ParamGradients.Slice(units * inputs, units));
        if (pass.WantsInputGradient)
            backend.Gemm(Transpose.No, Transpose.No, pass.Rows, inputs, units, T.One, pass.OutputGradient, w, T.Zero, pass.InputGradient);
    }
}
