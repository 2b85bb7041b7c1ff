using System.Numerics;
using Pure.Core.Backends;
using Pure.Core.Init;

namespace Pure.Core.Layers;

/// <summary>
/// Batch normalisation (Ioffe and Szegedy 2015, PyTorch's <c>BatchNorm1d</c>): in training each feature is
/// normalised by the batch's mean and biased variance, and the running statistics move by the momentum (with the
/// unbiased variance); in evaluation the running statistics are used, so the layer is the affine map
/// y = (x − μ̂)/√(σ̂² + ε)·γ + β. γ ("weight") starts at 1, β ("bias") at 0; the running mean at 0 and variance at 1
/// are state, not parameters. The workspace keeps x̂ and the batch's μ and σ² for the backward.
/// </summary>
sealed class BatchNormLayer(int width, double epsilon, double momentum) : LayerPlan(Layers.BatchNormName(epsilon, momentum), width, width)
{
    public override IReadOnlyList<ParamSpec> Params { get; } =
    [
        new("weight", 1, width, ParamKind.Scale, Inits.Constant(1), width, width),
        new("bias", 1, width, ParamKind.Bias, Inits.Zeros, width, width),
    ];

    public override IReadOnlyList<StateSpec> State { get; } = [new("running_mean", width, 0f), new("running_var", width, 1f, Minimum: 0f)];

    public override int WorkspaceLength(int rows) => checked(rows * width + 2 * width);

    public override int MinimumTrainingRows => 2;

    public override void Forward<T>(IBackend<T> backend, in ForwardPass<T> pass)
    {
        var n = pass.Rows * width;
        var (h, mean, variance) = Parts(pass.Workspace, pass.Rows);
        var (gamma, beta) = (pass.Params.Slice(0, width), pass.Params.Slice(width, width));
        if (pass.Mode == Mode.Evaluate)
        {
            var (runningMean, runningVariance) = Running(pass.State);
            backend.NormalizeForward(NormAxis.PerColumn, false, pass.Input.Slice(0, n), pass.Rows, width, T.CreateTruncating(epsilon), gamma, beta,
                runningMean, runningVariance, h, pass.Output.Slice(0, n));
            return;
        }
        backend.NormalizeForward(NormAxis.PerColumn, true, pass.Input.Slice(0, n), pass.Rows, width, T.CreateTruncating(epsilon), gamma, beta,
            mean, variance, h, pass.Output.Slice(0, n));
        // a pass without state (a gradient computed for its own sake) learns no statistics
        if (pass.State.Buffer is null) return;
        var (moveMean, moveVariance) = Running(pass.State);
        backend.UpdateRunningStatistics(mean, variance, pass.Rows, T.CreateTruncating(momentum), moveMean, moveVariance);
    }

    public override void Backward<T>(IBackend<T> backend, in BackwardPass<T> pass)
    {
        var n = pass.Rows * width;
        var (h, _, variance) = Parts(pass.Workspace, pass.Rows);
        var fromBatch = pass.Mode == Mode.Train;
        backend.NormalizeBackward(NormAxis.PerColumn, fromBatch, h, fromBatch ? variance : Running(pass.State).Variance, pass.Rows, width,
            T.CreateTruncating(epsilon), pass.Params.Slice(0, width), pass.OutputGradient.Slice(0, n),
            pass.WantsInputGradient ? pass.InputGradient.Slice(0, n) : default, pass.ParamGradients.Slice(0, width), pass.ParamGradients.Slice(width, width));
    }

    (View<T> Mean, View<T> Variance) Running<T>(View<T> state) =>
        state.Buffer is null
            ? throw new InvalidOperationException($"{Name} in evaluation needs its running statistics: the pass was given no state")
            : (state.Slice(0, width), state.Slice(width, width));

    (View<T> Normalised, View<T> Mean, View<T> Variance) Parts<T>(View<T> workspace, int rows) =>
        (workspace.Slice(0, rows * width), workspace.Slice(rows * width, width), workspace.Slice(rows * width + width, width));
}
