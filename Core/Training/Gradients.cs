using LanguageExt;
using LanguageExt.Common;
using Pure.Core.Backends;
using Pure.Core.Layers;
using Pure.Core.Losses;
using Pure.Core.Tensors;

namespace Pure.Core.Training;

/// <summary>The output, the parameters' gradient and the input's gradient of one vector-Jacobian product.</summary>
public sealed record Vjp(Matrix Output, Params ParameterGradients, Matrix InputGradient);

/// <summary>The loss and its gradients with respect to every parameter and every input.</summary>
public sealed record LossGradients(double Loss, Params ParameterGradients, Matrix InputGradient);

/// <summary>Backpropagation as a function: gradients of a network at given parameters and inputs (no update).</summary>
public static class Gradients
{
    /// <summary>
    /// The VJP of the network at (θ, x) with cotangent c on the output: (f(θ, x), cᵀ∂f/∂θ, cᵀ∂f/∂x). With c the
    /// one-hot of a class this is the gradient of that class's score (used to find inputs a unit prefers).
    /// Evaluation mode: dropout is the identity.
    /// </summary>
    public static Fin<Vjp> Of(IBackend<float> backend, Network network, Params parameters, Matrix x, Func<Matrix, Matrix> cotangent, LayerState? state = null) =>
        VectorJacobian(backend, network, parameters, x, cotangent, Mode.Evaluate, default, state);

    /// <summary>The VJP in training mode, with the dropout masks drawn from <paramref name="dropoutKey"/> (a key is required: a default one would repeat the same mask on every call).</summary>
    public static Fin<Vjp> InTraining(IBackend<float> backend, Network network, Params parameters, Matrix x, Func<Matrix, Matrix> cotangent, Rng dropoutKey) =>
        VectorJacobian(backend, network, parameters, x, cotangent, Mode.Train, dropoutKey, null);

    /// <summary>The mean loss against <paramref name="targets"/> and its gradients, in evaluation mode.</summary>
    public static Fin<LossGradients> OfLoss(IBackend<float> backend, Network network, Params parameters, Loss loss, Matrix x, Matrix targets, LayerState? state = null) =>
        LossGradient(backend, network, parameters, loss, x, targets, Mode.Evaluate, default, state);

    /// <summary>The mean loss and its gradients in training mode, dropout drawn from <paramref name="dropoutKey"/>.</summary>
    public static Fin<LossGradients> OfLossInTraining(IBackend<float> backend, Network network, Params parameters, Loss loss, Matrix x, Matrix targets, Rng dropoutKey) =>
        LossGradient(backend, network, parameters, loss, x, targets, Mode.Train, dropoutKey, null);

    static Fin<Vjp> VectorJacobian(IBackend<float> backend, Network network, Params parameters, Matrix x, Func<Matrix, Matrix> cotangent, Mode mode, Rng rng,
        LayerState? state) =>
        Run(backend, network, parameters, x, mode, rng, state, (output, _, gradient) =>
        {
            var c = cotangent(output);
            if (c.Rows != output.Rows || c.Cols != output.Cols) throw new ArgumentException($"cotangent is {c.Rows}×{c.Cols}, output {output.Rows}×{output.Cols}");
            backend.Upload(c.Span, gradient);
            return 0.0;
        }).Map(r => new Vjp(r.Output, r.Parameters, r.Input));

    static Fin<LossGradients> LossGradient(IBackend<float> backend, Network network, Params parameters, Loss loss, Matrix x, Matrix targets, Mode mode, Rng rng,
        LayerState? state)
    {
        if (targets.Rows != x.Rows || targets.Cols != network.OutputWidth)
            return Error.New($"targets are {targets.Rows}×{targets.Cols}, expected {x.Rows}×{network.OutputWidth}");
        return Run(backend, network, parameters, x, mode, rng, state, (_, output, gradient) =>
        {
            using var t = backend.Allocate(Math.Max(1, targets.Length));
            backend.Upload(targets.Span, t.All.Slice(0, targets.Length));
            return backend.Loss(loss.Kind, output, t.All.Slice(0, targets.Length), x.Rows, network.OutputWidth, gradient);
        }).Map(r => new LossGradients(r.Loss, r.Parameters, r.Input));
    }

    /// <summary>
    /// Forward, then <paramref name="seed"/> writes ∂L/∂output (and returns the loss), then backward. The state
    /// (the network's initial one unless given) is read in evaluation; a training pass moves a copy, which is dropped.
    /// </summary>
    static Fin<(Matrix Output, double Loss, Params Parameters, Matrix Input)> Run(IBackend<float> backend, Network network, Params parameters, Matrix x,
        Mode mode, Rng rng, LayerState? state, Func<Matrix, View<float>, View<float>, double> seed)
    {
        var kept = state ?? network.InitialState();
        if (kept.Length != network.StateLayout.Length) return Error.New($"the network keeps {network.StateLayout.Length} state values, got {kept.Length}");
        if (x.Cols != network.InputWidth) return Error.New($"the data has {x.Cols} features, the network expects {network.InputWidth}");
        if (parameters.Length != network.Layout.Length) return Error.New($"the network has {network.Layout.Length} parameters, got {parameters.Length}");
        int n = x.Rows, inW = network.InputWidth, outW = network.OutputWidth, p = network.Layout.Length;
        using var pb = backend.Allocate(Math.Max(1, p));
        using var gb = backend.Allocate(Math.Max(1, p));
        using var xb = backend.Allocate(Math.Max(1, n * inW));
        using var dxb = backend.Allocate(Math.Max(1, n * inW));
        using var ob = backend.Allocate(Math.Max(1, n * outW));
        using var dob = backend.Allocate(Math.Max(1, n * outW));
        using var wb = backend.Allocate(Math.Max(1, network.Plan.WorkspaceLength(n)));
        using var sb = backend.Allocate(Math.Max(1, kept.Length));
        var S = sb.All.Slice(0, kept.Length);
        backend.Upload(kept.Values, S);
        View<float> P = pb.All.Slice(0, p), G = gb.All.Slice(0, p), X = xb.All.Slice(0, n * inW), DX = dxb.All.Slice(0, n * inW),
            O = ob.All.Slice(0, n * outW), DO = dob.All.Slice(0, n * outW);
        backend.Upload(parameters.Values, P);
        backend.Upload(x.Span, X);
        network.Plan.Forward(backend, new ForwardPass<float>(n, X, O, P, wb.All, mode, rng, S));
        var output = new float[n * outW];
        backend.Download(O, output);
        var outputMatrix = Matrix.From(n, outW, output).Match(m => m, e => throw new InvalidOperationException(e.Message));
        var loss = seed(outputMatrix, O, DO);
        network.Plan.Backward(backend, new BackwardPass<float>(n, X, O, DO, DX, P, G, wb.All, mode, S));
        var grads = new float[p];
        var dx = new float[n * inW];
        backend.Download(G, grads);
        backend.Download(DX, dx);
        return (outputMatrix, loss, Params.Own(network.Layout, grads),
            Matrix.From(n, inW, dx).Match(m => m, e => throw new InvalidOperationException(e.Message)));
    }
}
