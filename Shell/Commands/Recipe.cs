using Pure.Core.Activations;
using Pure.Core.Init;
using Pure.Core.Layers;
using Pure.Core.Losses;
using Pure.Core.Optimisers;
using Pure.Shell.Cli;

namespace Pure.Shell.Commands;

/// <summary>The network and training settings a user gives on the command line, turned into core values.</summary>
public sealed record Recipe(
    int[] Hidden, string ActivationName, string? InitName, double Dropout,
    string OptimiserName, double? LearningRate, int Epochs, int BatchSize, long Seed)
{
    public static readonly IReadOnlyDictionary<string, Activation> Activations = new Dictionary<string, Activation>
    {
        ["relu"] = Activation.Relu,
        ["leaky-relu"] = Activation.LeakyRelu(),
        ["elu"] = Activation.Elu(),
        ["gelu"] = Activation.Gelu,
        ["gelu-tanh"] = Activation.GeluTanh,
        ["silu"] = Activation.Silu,
        ["swish"] = Activation.Silu,
        ["softplus"] = Activation.Softplus,
        ["sigmoid"] = Activation.Sigmoid,
        ["tanh"] = Activation.Tanh,
        ["identity"] = Activation.Identity,
    };

    public static int[] ParseLayers(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        return parts.Select(p => int.TryParse(p, out var w) && w > 0
            ? w
            : throw new CliException($"--layers: '{p}' is not a positive width (expected e.g. 32,32,16)")).ToArray();
    }

    /// <summary>Hidden Dense → activation (→ dropout) blocks, then a linear output of <paramref name="outputs"/> units.</summary>
    public Layer Network(int outputs)
    {
        var blocks = new List<Layer>();
        var isPRelu = ActivationName == "prelu";
        if (!isPRelu && !Activations.ContainsKey(ActivationName))
            throw new CliException($"--activation: unknown '{ActivationName}' (one of {string.Join(", ", Activations.Keys.Append("prelu"))})");
        var reluFamily = isPRelu || ActivationName is "relu" or "leaky-relu" or "elu" or "gelu" or "gelu-tanh" or "silu" or "swish";
        Initialiser init;
        if (InitName is null) init = reluFamily ? Inits.He : Inits.Xavier;
        else if (!Inits.ByName.TryGetValue(InitName, out init!))
            throw new CliException($"--init: unknown '{InitName}' (one of {string.Join(", ", Inits.ByName.Keys)})");
        if (Dropout is < 0 or >= 1) throw new CliException($"--dropout: {Dropout} is not in [0, 1)");
        foreach (var width in Hidden)
        {
            blocks.Add(Layers.Dense(width, init));
            blocks.Add(isPRelu ? Layers.PRelu() : Layers.Activation(Activations[ActivationName]));
            if (Dropout > 0) blocks.Add(Layers.Dropout(Dropout));
        }
        blocks.Add(Layers.Dense(outputs, InitName is null ? Inits.Xavier : init));
        return Layers.Serial(blocks);
    }

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

    public void Validate()
    {
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
