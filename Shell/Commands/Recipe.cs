using Pure.Shell.Cli;

namespace Pure.Shell.Commands;

/// <summary>The network and training settings a user gives on the command line, turned into core values.</summary>
public sealed record Recipe(Architecture Architecture, string OptimiserName, double? LearningRate, int Epochs, int BatchSize, long Seed)
{
    /// <summary>Default rates: 0.1 for SGD, 0.05 with momentum, 0.01 for Adam/AdamW (small tabular data).</summary>
    public Optimiser Optimiser()
    {
        if (LearningRate is { } lr && (!(lr > 0) || !double.IsFinite(lr))) throw new CliException($"--lr: {lr} is not a positive number");
        return OptimiserName switch
        {
            "sgd" => Core.Optimisers.Optimiser.Sgd(LearningRate ?? 0.1),
            "momentum" => Core.Optimisers.Optimiser.WithMomentum(LearningRate ?? 0.05),
            "nesterov" => Core.Optimisers.Optimiser.Nesterov(LearningRate ?? 0.05),
            "adam" => Core.Optimisers.Optimiser.Adam(LearningRate ?? 0.01),
            "adamw" => Core.Optimisers.Optimiser.AdamW(LearningRate ?? 0.01),
            _ => throw new CliException($"--optimizer: unknown '{OptimiserName}' (one of sgd, momentum, nesterov, adam, adamw)"),
        };
    }

    /// <summary>The settings that shape the run's arithmetic (not its length): a resumed run must match them.</summary>
    public string Fingerprint() =>
        $"layers {string.Join(",", Architecture.Hidden)}; activation {Architecture.ActivationName}; dropout {Architecture.Dropout.ToString(System.Globalization.CultureInfo.InvariantCulture)}; " +
        $"init {Architecture.InitName ?? "default"}; optimizer {OptimiserName}; lr {Optimiser().LearningRate.ToString(System.Globalization.CultureInfo.InvariantCulture)}; batch {BatchSize}; seed {Seed}";

    public void Validate()
    {
        // the network's and the optimiser's options are checked before any data is read
        Architecture.Build(1);
        Optimiser();
        if (Epochs < 1) throw new CliException($"--epochs: must be at least 1, got {Epochs}");
        if (BatchSize < 1) throw new CliException($"--batch: must be at least 1, got {BatchSize}");
    }

    public static Loss LossFor(string task, int classes) => task switch
    {
        "regression" => Loss.Mse,
        "classification" => classes == 2 ? Loss.BceWithLogits : Loss.SoftmaxCrossEntropy,
        _ => throw new CliException($"--task: unknown '{task}' (classification or regression)"),
    };
}
