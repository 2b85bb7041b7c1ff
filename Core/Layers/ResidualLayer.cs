using System.Numerics;
using Pure.Core.Backends;

namespace Pure.Core.Layers;

/// <summary>
/// A residual block (He et al. 2016): y = x + f(x), or y = x·Pᵀ + f(x) with a learnt projection P (a dense layer
/// without bias, "skip.weight") where f changes the width. Backward: the upstream gradient reaches both paths,
/// ∂x = ∂x_f + δ (or + δ·P) and ∂P = δᵀ·x. f's output is kept in the workspace, since f's own backward reads it.
/// </summary>
sealed class ResidualLayer : LayerPlan
{
    readonly LayerPlan body;
    readonly DenseLayer? skip;

    public ResidualLayer(string name, LayerPlan body, DenseLayer? skip) : base(name, body.InputWidth, body.OutputWidth)
    {
        this.body = body;
        this.skip = skip;
        Params = [.. body.Params.Select(p => p.Prefixed("body")), .. skip?.Params.Select(p => p.Prefixed("skip")) ?? []];
        State = [.. body.State.Select(s => s.Prefixed("body"))];
    }

    public override IReadOnlyList<ParamSpec> Params { get; }

    /// <summary>The body's state; the skip keeps none, so the body's slice is the whole vector.</summary>
    public override IReadOnlyList<StateSpec> State { get; }

    public override IReadOnlyList<LayerPlan> Children => skip is null ? [body] : [body, skip];

    public override int WorkspaceLength(int rows) => checked(rows * OutputWidth + body.WorkspaceLength(rows));

    View<T> BodyOutput<T>(View<T> workspace, int rows) => workspace.Slice(0, rows * OutputWidth);

    View<T> BodyWorkspace<T>(View<T> workspace, int rows) => workspace.Slice(rows * OutputWidth, body.WorkspaceLength(rows));

    public override void Forward<T>(IBackend<T> backend, in ForwardPass<T> pass)
    {
        var n = pass.Rows * OutputWidth;
        var f = BodyOutput(pass.Workspace, pass.Rows);
        var y = pass.Output.Slice(0, n);
        body.Forward(backend, pass with { Output = f, Params = BodyParams(pass.Params), Workspace = BodyWorkspace(pass.Workspace, pass.Rows) });
        if (skip is null)
        {
            backend.Add(f, pass.Input.Slice(0, n), y);
            return;
        }
        backend.Copy(f, y);
        backend.Gemm(Transpose.No, Transpose.Yes, pass.Rows, OutputWidth, InputWidth, T.One, pass.Input, SkipParams(pass.Params), T.One, y);
    }

    public override void Backward<T>(IBackend<T> backend, in BackwardPass<T> pass)
    {
        body.Backward(backend, pass with
        {
            Output = BodyOutput(pass.Workspace, pass.Rows), Params = BodyParams(pass.Params), ParamGradients = BodyParams(pass.ParamGradients),
            Workspace = BodyWorkspace(pass.Workspace, pass.Rows),
        });
        if (skip is not null)
            backend.Gemm(Transpose.Yes, Transpose.No, OutputWidth, InputWidth, pass.Rows, T.One, pass.OutputGradient, pass.Input, T.Zero, SkipParams(pass.ParamGradients));
        if (!pass.WantsInputGradient) return;
        var dx = pass.InputGradient.Slice(0, pass.Rows * InputWidth);
        if (skip is null) backend.Add(dx, pass.OutputGradient.Slice(0, pass.Rows * OutputWidth), dx);
        else backend.Gemm(Transpose.No, Transpose.No, pass.Rows, InputWidth, OutputWidth, T.One, pass.OutputGradient, SkipParams(pass.Params), T.One, dx);
    }

    View<T> BodyParams<T>(View<T> all) => all.Buffer is null ? all : all.Slice(0, body.ParamCount);

    View<T> SkipParams<T>(View<T> all) => all.Slice(body.ParamCount, OutputWidth * InputWidth);
}
