using Pure.Core.Activations;
using Pure.Core.Backends;

namespace Pure.Core.Layers;

/// <summary>a = f(z) elementwise; backward δz = δa ⊙ f′(z).</summary>
sealed class ActivationLayer(Activation f, int width) : LayerPlan(f.Name, width, width)
{
    public Activation Function => f;

    public override void Forward<T>(IBackend<T> backend, in ForwardPass<T> pass) =>
        backend.ActivationForward(f, pass.Input.Slice(0, pass.Rows * width), pass.Output.Slice(0, pass.Rows * width));

    public override void Backward<T>(IBackend<T> backend, in BackwardPass<T> pass)
    {
        if (!pass.WantsInputGradient) return;
        var n = pass.Rows * width;
        backend.ActivationBackward(f, pass.Input.Slice(0, n), pass.Output.Slice(0, n), pass.OutputGradient.Slice(0, n), pass.InputGradient.Slice(0, n));
    }
}
