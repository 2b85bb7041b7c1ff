using System.Numerics;
using Pure.Core.Backends;

namespace Pure.Core.Layers;

/// <summary>
/// Inverted dropout (Srivastava et al. 2014): in training each unit is kept with probability 1 − p and scaled
/// by 1/(1 − p), so evaluation is the identity. The mask is drawn from the pass's key and kept in the
/// workspace for the backward pass, δx = δa ⊙ mask.
/// </summary>
sealed class DropoutLayer(double rate, int width) : LayerPlan(FormattableString.Invariant($"dropout({rate:G3})"), width, width)
{
    public override int WorkspaceLength(int rows) => checked(rows * width);

    public override void Forward<T>(IBackend<T> backend, in ForwardPass<T> pass)
    {
        var n = pass.Rows * width;
        if (pass.Mode == Mode.Evaluate || rate == 0)
        {
            backend.Copy(pass.Input.Slice(0, n), pass.Output.Slice(0, n));
            return;
        }
        backend.DropoutForward(pass.Rng, T.CreateTruncating(1 - rate), pass.Input.Slice(0, n), pass.Workspace.Slice(0, n), pass.Output.Slice(0, n));
    }

    public override void Backward<T>(IBackend<T> backend, in BackwardPass<T> pass)
    {
        if (!pass.WantsInputGradient) return;
        var n = pass.Rows * width;
        if (pass.Mode == Mode.Evaluate || rate == 0) backend.Copy(pass.OutputGradient.Slice(0, n), pass.InputGradient.Slice(0, n));
        else backend.Multiply(pass.OutputGradient.Slice(0, n), pass.Workspace.Slice(0, n), pass.InputGradient.Slice(0, n));
    }
}
