using System.Numerics;
using Pure.Core.Backends;

namespace Pure.Core.Layers;

/// <summary>
/// A layer fixed to an input width: its output width, its parameters' shapes, and its forward and backward
/// passes as calls on a backend. A plan holds configuration only, never weights or activations: those live
/// in the buffers each pass is handed.
/// </summary>
public abstract class LayerPlan(string name, int inputWidth, int outputWidth)
{
    /// <summary>The layer's display name (e.g. <c>dense(4)</c>).</summary>
    public string Name { get; } = name;
    /// <summary>The number of features each input row has.</summary>
    public int InputWidth { get; } = inputWidth;
    /// <summary>The number of features each output row has.</summary>
    public int OutputWidth { get; } = outputWidth;

    /// <summary>This layer's parameters, laid out one after another in its slice of the parameter vector.</summary>
    public virtual IReadOnlyList<ParamSpec> Params => [];

    /// <summary>The length of this layer's slice of the parameter vector: the sum of its parameters' lengths.</summary>
    public int ParamCount => Params.Sum(p => p.Length);

    /// <summary>What the layer keeps that is not a parameter (running statistics), laid out in its slice of the state vector.</summary>
    public virtual IReadOnlyList<StateSpec> State => [];

    /// <summary>The length of this layer's slice of the state vector: the sum of its state vectors' lengths.</summary>
    public int StateCount => State.Sum(s => s.Length);

    /// <summary>
    /// Scratch memory (elements) the layer needs for a batch of <paramref name="rows"/>, kept from forward to
    /// backward. Computed in a checked context: a size past int.MaxValue throws OverflowException.
    /// </summary>
    public virtual int WorkspaceLength(int rows) => 0;

    /// <summary>The layers inside a combinator, for diagnostics; empty for a leaf.</summary>
    public virtual IReadOnlyList<LayerPlan> Children => [];

    /// <summary>The fewest rows a training batch may have (a batch norm needs 2: one row has no variance); a combinator's is its children's largest.</summary>
    public virtual int MinimumTrainingRows => Children.Count == 0 ? 1 : Children.Max(c => c.MinimumTrainingRows);

    /// <summary>Computes the output of <see cref="ForwardPass{T}.Rows"/> input rows into the pass's output buffer, keeping in the workspace what backward needs.</summary>
    public abstract void Forward<T>(IBackend<T> backend, in ForwardPass<T> pass) where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>From the upstream gradient, writes ∂L/∂params (overwritten) and, where wanted, ∂L/∂input (see <see cref="BackwardPass{T}"/>).</summary>
    public abstract void Backward<T>(IBackend<T> backend, in BackwardPass<T> pass) where T : unmanaged, IFloatingPointIeee754<T>;

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({InputWidth}→{OutputWidth})";
}
