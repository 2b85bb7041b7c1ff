using LanguageExt;
using Pure.Core.Backends;
using Pure.Core.Backends.Cpu;
using Pure.Core.Losses;
using Pure.Core.Tensors;

namespace Pure.Core.Training;

/// <summary>
/// A trained network as an immutable value: architecture, loss (and so its output link), parameters, and the
/// layers' state (running statistics; the network's initial state unless given).
/// </summary>
public sealed record Model(Network Network, Loss Loss, Params Params)
{
    /// <summary>The layers' state (running statistics) the model evaluates with; the network's initial state unless given.</summary>
    public LayerState State { get; init; } = Network.InitialState();

    /// <summary>Predictions (probabilities for classification, values for regression) on <see cref="CpuBackend.Default"/> unless a backend is given.</summary>
    public Fin<Matrix> Predict(Matrix x, IBackend<float>? backend = null) =>
        Inference.Predict(backend ?? CpuBackend.Default, Network, Params, Loss, x, State);

    /// <summary>The predicted class of each row.</summary>
    public Fin<int[]> Classify(Matrix x, IBackend<float>? backend = null) => Predict(x, backend).Map(Metrics.Classes);

    /// <summary>Accuracy against targets shaped like the training targets (a 0/1 column or one-hot rows).</summary>
    public Fin<double> Accuracy(Matrix x, Matrix targets, IBackend<float>? backend = null) =>
        targets.Rows != x.Rows
            ? LanguageExt.Common.Error.New($"{x.Rows} rows of features but {targets.Rows} of targets")
            : Predict(x, backend).Map(p => Metrics.Accuracy(p, targets));
}
