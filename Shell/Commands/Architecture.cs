using Pure.Shell.Cli;

namespace Pure.Shell.Commands;

/// <summary>
/// The shape of a command-line network: hidden Dense widths, one hidden activation, optional dropout after
/// each hidden block, and a linear output. Saved models store exactly these values and rebuild the network from them.
/// </summary>
public sealed record Architecture(int[] Hidden, string ActivationName, double Dropout = 0, string? InitName = null)
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

    public static int[] ParseWidths(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        return parts.Select(p => int.TryParse(p, out var w) && w > 0
            ? w
            : throw new CliException($"--layers: '{p}' is not a positive width (expected e.g. 32,32,16)")).ToArray();
    }

    /// <summary>Hidden Dense → activation (→ dropout) blocks, then a linear output of <paramref name="outputs"/> units.</summary>
    public Layer Build(int outputs)
    {
        var isPRelu = ActivationName == "prelu";
        if (!isPRelu && !Activations.ContainsKey(ActivationName))
            throw new CliException($"--activation: unknown '{ActivationName}' (one of {string.Join(", ", Activations.Keys.Append("prelu"))})");
        var reluFamily = isPRelu || ActivationName is "relu" or "leaky-relu" or "elu" or "gelu" or "gelu-tanh" or "silu" or "swish";
        Initialiser init;
        if (InitName is null) init = reluFamily ? Inits.He : Inits.Xavier;
        else if (!Inits.ByName.TryGetValue(InitName, out init!))
            throw new CliException($"--init: unknown '{InitName}' (one of {string.Join(", ", Inits.ByName.Keys)})");
        if (!(Dropout >= 0 && Dropout < 1)) throw new CliException($"--dropout: {Dropout} is not in [0, 1)");
        var blocks = new List<Layer>();
        foreach (var width in Hidden)
        {
            blocks.Add(Layers.Dense(width, init));
            blocks.Add(isPRelu ? Layers.PRelu() : Layers.Activation(Activations[ActivationName]));
            if (Dropout > 0) blocks.Add(Layers.Dropout(Dropout));
        }
        blocks.Add(Layers.Dense(outputs, InitName is null ? Inits.Xavier : init));
        return Layers.Serial(blocks);
    }
}
