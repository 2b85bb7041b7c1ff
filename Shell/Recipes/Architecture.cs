using Pure.Shell.Cli;

namespace Pure.Shell.Recipes;

/// <summary>
/// The shape of a command-line network: hidden Dense widths, one hidden nonlinearity (any name
/// <see cref="Layers.Nonlinearity"/> accepts), optional dropout after each hidden block, and a linear output.
/// Saved models store exactly these values and rebuild the network from them.
/// </summary>
public sealed record Architecture(int[] Hidden, string ActivationName, double Dropout = 0, string? InitName = null)
{
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
        var (_, reluLike) = Layers.Nonlinearity(ActivationName).Match(n => n, e => throw new CliException($"--activation: {e.Message}"));
        Initialiser init;
        if (InitName is null) init = reluLike ? Inits.He : Inits.Xavier;
        else if (!Inits.ByName.TryGetValue(InitName, out init!))
            throw new CliException($"--init: unknown '{InitName}' (one of {string.Join(", ", Inits.ByName.Keys)})");
        if (!(Dropout >= 0 && Dropout < 1)) throw new CliException($"--dropout: {Dropout} is not in [0, 1)");
        var blocks = new List<Layer>();
        foreach (var width in Hidden)
        {
            blocks.Add(Layers.Dense(width, init));
            // a fresh nonlinearity per block: PReLU's slopes are each block's own parameters
            blocks.Add(Layers.Nonlinearity(ActivationName).Match(n => n.Layer, e => throw new CliException(e.Message)));
            if (Dropout > 0) blocks.Add(Layers.Dropout(Dropout));
        }
        blocks.Add(Layers.Dense(outputs, InitName is null ? Inits.Xavier : init));
        return Layers.Serial(blocks);
    }
}
