using System.Numerics;
using Pure.Core.Backends;

namespace Pure.Core.Layers;

/// <summary>Row-wise softmax(z/T); backward is the Jacobian-vector product (a ⊙ (δa − ⟨δa, a⟩))/T.</summary>
sealed class SoftmaxLayer(double temperature, int width) : LayerPlan(FormattableString.Invariant($"softmax(T={temperature:G4})"), width, width)
{
    public override void Forward<T>(IBackend<T> backend, in ForwardPass<T> pass) =>
        backend.SoftmaxForward(pass.Input, pass.Rows, width, T.CreateTruncating(temperature), pass.Output);

    public override void Backward<T>(IBackend<T> backend, in BackwardPass<T> pass)
    {
        if (pass.WantsInputGradient)
            backend.SoftmaxBackward(pass.Output, pass.Rows, width, T.CreateTruncating(temperature), pass.OutputGradient, pass.InputGradient);
    }
}
