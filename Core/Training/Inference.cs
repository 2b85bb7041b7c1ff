using LanguageExt;
using LanguageExt.Common;
using Pure.Core.Backends;
using Pure.Core.Layers;
using Pure.Core.Losses;
using Pure.Core.Tensors;

namespace Pure.Core.Training;

/// <summary>Evaluation-mode forward passes: raw outputs, predictions through the loss's link, and the loss.</summary>
public static class Inference
{
    const int Chunk = 1024;

    /// <summary>The network's raw output (logits for the losses on logits) for every row of <paramref name="x"/>.</summary>
    public static Fin<Matrix> Forward(IBackend<float> backend, Network network, Params parameters, Matrix x, LayerState? state = null) =>
        Run(backend, network, parameters, x, null, null, state).Map(r => r.Outputs);

    /// <summary>Predictions: the raw output mapped by the loss's link (σ → probability of class 1, softmax → class probabilities).</summary>
    public static Fin<Matrix> Predict(IBackend<float> backend, Network network, Params parameters, Loss loss, Matrix x, LayerState? state = null) =>
        Run(backend, network, parameters, x, loss, null, state).Map(r => r.Outputs);

    /// <summary>Predictions and the mean loss (evaluation mode: no dropout) from one forward pass.</summary>
    public static Fin<(Matrix Predictions, double Loss)> Evaluate(IBackend<float> backend, Network network, Params parameters, Loss loss, Matrix x, Matrix targets,
        LayerState? state = null) =>
        targets.Rows != x.Rows || targets.Cols != network.OutputWidth
            ? Error.New($"targets are {targets.Rows}×{targets.Cols}, expected {x.Rows}×{network.OutputWidth}")
            : Run(backend, network, parameters, x, loss, targets, state);

    /// <summary>The mean loss over all rows (evaluation mode: no dropout).</summary>
    public static Fin<double> Loss(IBackend<float> backend, Network network, Params parameters, Loss loss, Matrix x, Matrix targets, LayerState? state = null) =>
        Evaluate(backend, network, parameters, loss, x, targets, state).Map(r => r.Loss);

    /// <summary>
    /// Forward in chunks into one output buffer on the backend; then, given targets, the mean loss of the raw
    /// outputs; then, given a loss, its link applied there; one download at the end.
    /// </summary>
    static Fin<(Matrix Outputs, double Loss)> Run(IBackend<float> backend, Network network, Params parameters, Matrix x, Loss? loss, Matrix? targets, LayerState? state)
    {
        var kept = state ?? network.InitialState();
        if (kept.Length != network.StateLayout.Length)
            return Error.New($"the network keeps {network.StateLayout.Length} state values, got {kept.Length}");
        if (x.Cols != network.InputWidth)
            return Error.New($"the data has {x.Cols} features, the network expects {network.InputWidth}");
        if (parameters.Length != network.Layout.Length)
            return Error.New($"the network has {network.Layout.Length} parameters, got {parameters.Length}");
        int inW = network.InputWidth, outW = network.OutputWidth, rows = x.Rows, chunk = Math.Max(1, Math.Min(Chunk, rows));
        using var p = backend.Allocate(Math.Max(1, parameters.Length));
        using var s = backend.Allocate(Math.Max(1, kept.Length));
        backend.Upload(kept.Values, s.All.Slice(0, kept.Length));
        using var input = backend.Allocate(chunk * inW);
        using var output = backend.Allocate(Math.Max(1, checked(rows * outW)));
        using var workspace = backend.Allocate(Math.Max(1, network.Plan.WorkspaceLength(chunk)));
        backend.Upload(parameters.Values, p.All.Slice(0, parameters.Length));
        var o = output.All.Slice(0, rows * outW);
        for (var start = 0; start < rows; start += chunk)
        {
            var n = Math.Min(chunk, rows - start);
            backend.Upload(x.Span.Slice(start * inW, n * inW), input.All.Slice(0, n * inW));
            network.Plan.Forward(backend, new ForwardPass<float>(n, input.All.Slice(0, n * inW), o.Slice(start * outW, n * outW),
                p.All.Slice(0, parameters.Length), workspace.All, Mode.Evaluate, default, s.All.Slice(0, kept.Length)));
        }
        var mean = double.NaN;
        if (loss is not null && targets is not null)
        {
            using var t = backend.Allocate(Math.Max(1, targets.Length));
            backend.Upload(targets.Span, t.All.Slice(0, targets.Length));
            mean = backend.Loss(loss.Kind, o, t.All.Slice(0, targets.Length), rows, outW, default);
        }
        if (loss is not null) Predictions.ApplyLink(backend, loss.Link, o, rows, outW);
        var result = new float[rows * outW];
        backend.Download(o, result);
        return Matrix.From(rows, outW, result).Map(m => (m, mean));
    }
}
