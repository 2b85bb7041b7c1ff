using Pure.Core.Backends;
using Pure.Core.Tensors;

namespace Pure.Core.Layers;

/// <summary>Training applies dropout; evaluation is deterministic.</summary>
public enum Mode
{
    /// <summary>Training: dropout drops, a batch norm uses and updates batch statistics.</summary>
    Train,
    /// <summary>Evaluation: deterministic, with a batch norm's running statistics.</summary>
    Evaluate,
}

/// <summary>
/// The buffers of one forward call: <c>rows</c> examples of the layer's input, where to write its output,
/// the layer's own slice of the parameter vector and of the workspace, its random key, and its slice of the
/// state vector (running statistics: read in evaluation, moved in training).
/// </summary>
public readonly record struct ForwardPass<T>(int Rows, View<T> Input, View<T> Output, View<T> Params, View<T> Workspace, Mode Mode, Rng Rng, View<T> State = default);

/// <summary>
/// The buffers of one backward call: the forward's input and output, the upstream gradient ∂L/∂output, and
/// where to write ∂L/∂input (a default view when nobody needs it: the first layer skips that product) and
/// ∂L/∂params (overwritten, not accumulated), and the layer's state as the forward call left it.
/// </summary>
public readonly record struct BackwardPass<T>(
    int Rows, View<T> Input, View<T> Output, View<T> OutputGradient, View<T> InputGradient,
    View<T> Params, View<T> ParamGradients, View<T> Workspace, Mode Mode, View<T> State = default)
{
    /// <summary>Whether ∂L/∂input is wanted, i.e. <see cref="InputGradient"/> is not a default view.</summary>
    public bool WantsInputGradient => InputGradient.Buffer is not null;
}
