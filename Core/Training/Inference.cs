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
    public static Fin<Matrix> Forward(IBackend<float> backend, Network network, Params parameters, Matrix x)
    {
        if (x.Cols != network.InputWidth)
            return Error.New($"the data has {x.Cols} features, the network expects {network.InputWidth}");
        if (parameters.Length != network.Layout.Length)
            return Error.New($"the network has {network.Layout.Length} parameters, got {parameters.Length}");
        int inW = network.InputWidth, outW = network.OutputWidth, chunk = Math.Max(1, Math.Min(Chunk, x.Rows));
        using var p = backend.Allocate(Math.Max(1, parameters.Length));
        using var input = backend.Allocate(chunk * inW);
        using var output = backend.Allocate(chunk * outW);
        using var workspace = backend.Allocate(Math.Max(1, network.Plan.WorkspaceLength(chunk)));
        backend.Upload(parameters.Values, p.All.Slice(0, parameters.Length));
        var result = new float[x.Rows * outW];
        for (var start = 0; start < x.Rows; start += chunk)
        {
            var n = Math.Min(chunk, x.Rows - start);
            var o = output.All.Slice(0, n * outW);
            backend.Upload(x.Span.Slice(start * inW, n * inW), input.All.Slice(0, n * inW));
            network.Plan.Forward(backend, new ForwardPass<float>(n, input.All.Slice(0, n * inW), o, p.All.Slice(0, parameters.Length), workspace.All, Mode.Evaluate, default));
            backend.Download(o, result.AsSpan(start * outW, n * outW));
        }
        return Matrix.From(x.Rows, outW, result);
    }

    /// <summary>Predictions: the raw output mapped by the loss's link (σ → probability of class 1, softmax → class probabilities).</summary>
    public static Fin<Matrix> Predict(IBackend<float> backend, Network network, Params parameters, Loss loss, Matrix x) =>
        Forward(backend, network, parameters, x).Map(raw => Link(raw, loss.Link));

    /// <summary>Predictions and the mean loss (evaluation mode: no dropout) from one forward pass.</summary>
    public static Fin<(Matrix Predictions, double Loss)> Evaluate(IBackend<float> backend, Network network, Params parameters, Loss loss, Matrix x, Matrix targets) =>
        targets.Rows != x.Rows || targets.Cols != network.OutputWidth
            ? Error.New($"targets are {targets.Rows}×{targets.Cols}, expected {x.Rows}×{network.OutputWidth}")
            : Forward(backend, network, parameters, x).Map(raw => (Link(raw, loss.Link), MeanLoss(backend, loss, raw, targets)));

    /// <summary>The mean loss over all rows (evaluation mode: no dropout).</summary>
    public static Fin<double> Loss(IBackend<float> backend, Network network, Params parameters, Loss loss, Matrix x, Matrix targets) =>
        Evaluate(backend, network, parameters, loss, x, targets).Map(r => r.Loss);

    /// <summary>Applies an output link row by row: σ elementwise, or a stable softmax per row.</summary>
    public static Matrix Link(Matrix raw, OutputLink link) => link switch
    {
        // TensorPrimitives.Sigmoid throws on empty spans: no rows, nothing to map
        OutputLink.Sigmoid => raw.Length == 0 ? raw : Matrix.Create(raw.Rows, raw.Cols, raw, static (dst, m) => System.Numerics.Tensors.TensorPrimitives.Sigmoid(m.Span, dst)),
        OutputLink.Softmax => Matrix.Create(raw.Rows, raw.Cols, raw, static (dst, m) =>
        {
            for (var r = 0; r < m.Rows; r++) Activations.Softmax.Apply(m.Row(r), 1f, dst.Slice(r * m.Cols, m.Cols));
        }),
        _ => raw,
    };

    static double MeanLoss(IBackend<float> backend, Loss loss, Matrix raw, Matrix targets)
    {
        using var ob = backend.Allocate(Math.Max(1, raw.Length));
        using var tb = backend.Allocate(Math.Max(1, raw.Length));
        backend.Upload(raw.Span, ob.All.Slice(0, raw.Length));
        backend.Upload(targets.Span, tb.All.Slice(0, raw.Length));
        return backend.Loss(loss.Kind, ob.All.Slice(0, raw.Length), tb.All.Slice(0, raw.Length), raw.Rows, raw.Cols, default);
    }
}
