using System.Globalization;

namespace Pure.Shell.Playground;

/// <summary>One hidden layer of a playground network: its width, its nonlinearity (any name the CLI's --activation takes) and its dropout rate.</summary>
public sealed record LayerSetting(int Units, string Activation = "tanh", double Dropout = 0);

/// <summary>
/// Everything a playground run is made from (the page keeps it in its URL fragment): the data, the input
/// features, the layers, the optimiser and the seed. <see cref="Problem"/> checks it against the playground's
/// limits; a run is only made from settings that pass.
/// </summary>
public sealed record PlaygroundSettings
{
    public string Dataset { get; init; } = "xor";
    public double Noise { get; init; }
    public double TestFraction { get; init; } = 0.5;
    public int Batch { get; init; } = 10;
    public int Points { get; init; } = 400;
    public string[] Features { get; init; } = ["x1", "x2"];
    public LayerSetting[] Layers { get; init; } = [new(4), new(2)];
    public string? Init { get; init; }
    public string Optimizer { get; init; } = "sgd";
    public double LearningRate { get; init; } = 0.03;
    public double L1 { get; init; }
    public double L2 { get; init; }
    public long Seed { get; init; }

    public const int MostLayers = 8, MostUnits = 32, MostPoints = 2000;

    /// <summary>The datasets the page offers; <c>csv</c> is the user's own, sent with the run.</summary>
    public static readonly string[] Datasets = ["circle", "xor", "gauss", "spiral", "moons", "sine", "plane", "csv"];

    /// <summary>The input features the page offers, computed from the two raw coordinates.</summary>
    public static readonly string[] FeatureNames = ["x1", "x2", "x1^2", "x2^2", "x1x2", "sin(x1)", "sin(x2)"];

    public bool IsRegression => Dataset is "sine" or "plane";

    /// <summary>Why these settings cannot make a run, or null.</summary>
    public string? Problem()
    {
        string F(double v) => v.ToString(CultureInfo.InvariantCulture);
        // JSON may send null for any of these: a missing part is a message, not a crash
        if (Dataset is null || Features is null || Layers is null || Optimizer is null) return "the settings lack a dataset, features, layers or an optimiser";
        if (Layers.Any(l => l is null || l.Activation is null)) return "a layer lacks its units or its activation";
        if (Features.Any(f => f is null)) return "a feature has no name";
        if (!Datasets.Contains(Dataset)) return $"unknown dataset '{Dataset}' (one of {string.Join(", ", Datasets)})";
        if (!(Noise is >= 0 and <= 1)) return $"noise {F(Noise)} is not in [0, 1]";
        if (!(TestFraction is > 0 and < 1)) return $"test fraction {F(TestFraction)} is not in (0, 1)";
        if (Points is < 10 or > MostPoints) return $"{Points} points: between 10 and {MostPoints}";
        if (Batch is < 1 or > MostPoints) return $"batch {Batch}: between 1 and {MostPoints}";
        if (Features.Length == 0) return "pick at least one input feature";
        if (Features.FirstOrDefault(f => !FeatureNames.Contains(f)) is { } unknown) return $"unknown feature '{unknown}' (one of {string.Join(", ", FeatureNames)})";
        if (Features.Distinct().Count() != Features.Length) return "a feature is picked twice";
        if (Layers.Length > MostLayers) return $"{Layers.Length} hidden layers: at most {MostLayers}";
        foreach (var (layer, i) in Layers.Select((l, i) => (l, i + 1)))
        {
            if (layer.Units is < 1 or > MostUnits) return $"layer {i}: {layer.Units} units, between 1 and {MostUnits}";
            if (global::Pure.Core.Layers.Layers.Nonlinearity(layer.Activation).IsFail) return $"layer {i}: unknown activation '{layer.Activation}'";
            if (!(layer.Dropout is >= 0 and < 1)) return $"layer {i}: dropout {F(layer.Dropout)} is not in [0, 1)";
        }
        if (Init is not null && !Inits.ByName.ContainsKey(Init)) return $"unknown initialiser '{Init}'";
        if (OptimiserKind.Named(Optimizer).IsFail) return $"unknown optimiser '{Optimizer}'";
        if (!(LearningRate > 0 && LearningRate <= 10)) return $"learning rate {F(LearningRate)} is not in (0, 10]";
        if (!(L1 is >= 0 and <= 1)) return $"L1 {F(L1)} is not in [0, 1]";
        if (!(L2 is >= 0 and <= 1)) return $"L2 {F(L2)} is not in [0, 1]";
        return null;
    }
}
