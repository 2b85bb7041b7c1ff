using Pure.Core.Diagnostics;
using Pure.Shell.Training;

namespace Pure.Shell.Playground;

/// <summary>What the page draws after some epochs: losses, the output over a grid, each hidden unit over a coarser one, and the weights.</summary>
public sealed record PlaygroundFrame(int Epoch, double TrainLoss, double TestLoss, double? TrainAccuracy, double? TestAccuracy,
    float[] Output, float[][][] Units, float[][][] Weights);

/// <summary>
/// One browser tab's training run, made the way <c>pure train</c> makes one: the seed's keys, the holdout split
/// of the rows, the standardiser fitted on the training rows, the compiled step on a CPU backend of its own, and
/// the core's epoch loop; a <see cref="Step"/> is one epoch. So the same data, seed and settings give
/// <c>pure train</c>'s losses. The run owns its backend (a backend serves one caller at a time) and disposes it.
/// </summary>
public sealed class PlaygroundRun : IDisposable
{
    public const int OutputGrid = 40, UnitGrid = 16;

    readonly IBackend<float> backend;
    readonly TrainingStep step;
    readonly DeviceDataset train, test;
    readonly TrainingRun run;
    readonly Standardiser standardiser;
    readonly int[] unitLayers;
    readonly Matrix outputGrid, unitGrid;

    public PlaygroundRun(PlaygroundSettings settings, PlaygroundData data, IBackend<float> backend)
    {
        this.backend = backend;
        Settings = settings;
        Data = data;
        var keys = TrainingKeys.FromSeed(settings.Seed);
        var features = PlaygroundData.Features(data.Raw, settings.Features);
        (TrainRows, _, TestRows) = Holdout.Split(data.Raw.Rows, 0, settings.TestFraction, keys.Split);
        standardiser = Standardiser.Fit(features, TrainRows);
        var (layer, units) = Network(settings);
        unitLayers = units;
        var network = Core.Training.Network.Build(layer, features.Cols).Match(n => n, e => throw new Cli.CliException($"network: {e.Message}"));
        var loss = data.Regression ? Loss.Mse : Loss.BceWithLogits;
        var optimiser = OptimiserKind.Named(settings.Optimizer).Match(k => k.Create(settings.LearningRate), e => throw new Cli.CliException(e.Message)) with { L1 = settings.L1, L2 = settings.L2 };
        step = TrainingStep.Compile(network, loss, optimiser, backend, Math.Min(settings.Batch, TrainRows.Length)).Match(s => s, e => throw new Cli.CliException(e.Message));
        var targets = Matrix.Column(data.Targets);
        DeviceDataset Upload(int[] rows) => step.Upload(standardiser.Rows(features, rows), targets.GatherRows(rows)).Match(d => d, e => throw new Cli.CliException(e.Message));
        (train, test) = (Upload(TrainRows), Upload(TestRows));
        run = TrainingRun.Start(step, train, network.Init(keys.Init), keys).Match(r => r, e => throw new Cli.CliException(e.Message));
        Bounds = data.Bounds();
        (outputGrid, unitGrid) = (Grid(OutputGrid), Grid(UnitGrid));
    }

    public PlaygroundSettings Settings { get; }
    public PlaygroundData Data { get; }
    public int[] TrainRows { get; }
    public int[] TestRows { get; }
    public (double X0, double X1, double Y0, double Y1) Bounds { get; }
    public int Epoch => run.Epoch;

    /// <summary>
    /// The network the settings describe, as <c>pure train</c>'s recipe builds one: per hidden layer Dense (He
    /// for a ReLU-like activation, else Xavier, unless an initialiser is named) → activation → dropout, then a
    /// linear output; and the indices of the activations, whose outputs are the units the page draws.
    /// </summary>
    public static (Layer Layer, int[] UnitLayers) Network(PlaygroundSettings s)
    {
        var layers = new List<Layer>();
        var units = new List<int>();
        foreach (var l in s.Layers)
        {
            var (f, reluLike) = Layers.Nonlinearity(l.Activation).Match(n => n, e => throw new Cli.CliException(e.Message));
            layers.Add(Layers.Dense(l.Units, s.Init is { } name ? Inits.ByName[name] : reluLike ? Inits.He : Inits.Xavier));
            units.Add(layers.Count);
            layers.Add(f);
            if (l.Dropout > 0) layers.Add(Layers.Dropout(l.Dropout));
        }
        layers.Add(Layers.Dense(1, s.Init is { } init ? Inits.ByName[init] : Inits.Xavier));
        return (Layers.Serial(layers), [.. units]);
    }

    /// <summary>One epoch; its mean batch loss (an error when the run diverged).</summary>
    public LanguageExt.Fin<double> Step() => run.NextEpoch();

    /// <summary>The picture of the run now.</summary>
    public PlaygroundFrame Frame(double trainLoss)
    {
        var parameters = run.Parameters();
        var state = run.State();
        var (trainEval, testEval) = (run.Evaluate(train), run.Evaluate(test));
        var model = new Model(step.Network, step.Loss, parameters) { State = state };
        var output = model.Predict(outputGrid, backend).Match(m => m.ToArray(), e => throw new InvalidOperationException(e.Message));
        var trace = LayerTrace.Of(backend, step.Network, parameters, unitGrid, state).Match(t => t, e => throw new InvalidOperationException(e.Message));
        var units = unitLayers.Select(i =>
        {
            var o = trace[i].Output;
            return Enumerable.Range(0, o.Cols).Select(c => Enumerable.Range(0, o.Rows).Select(r => o[r, c]).ToArray()).ToArray();
        }).ToArray();
        var weights = step.Network.Layout.Segments.Where(s => s.Kind == ParamKind.Weight)
            .Select(s => Enumerable.Range(0, s.Rows).Select(r => parameters[s].Slice(r * s.Cols, s.Cols).ToArray()).ToArray()).ToArray();
        return new PlaygroundFrame(run.Epoch, trainLoss, testEval.Loss, trainEval.Accuracy, testEval.Accuracy, output, units, weights);
    }

    /// <summary>The grid's points (row by row from the top, so row 0 is the largest x₂), as the network's standardised inputs.</summary>
    Matrix Grid(int n)
    {
        var raw = new float[n * n * 2];
        for (var r = 0; r < n; r++)
            for (var c = 0; c < n; c++)
            {
                raw[2 * (r * n + c)] = (float)(Bounds.X0 + (Bounds.X1 - Bounds.X0) * (c + 0.5) / n);
                raw[2 * (r * n + c) + 1] = (float)(Bounds.Y1 - (Bounds.Y1 - Bounds.Y0) * (r + 0.5) / n);
            }
        var points = Matrix.From(n * n, 2, raw).Match(m => m, e => throw new InvalidOperationException(e.Message));
        return standardiser.Apply(PlaygroundData.Features(points, Settings.Features));
    }

    public void Dispose()
    {
        train.Dispose();
        test.Dispose();
        step.Dispose();
        backend.Dispose();
    }
}
