using Pure.Shell.Cli;

namespace Pure.Shell.Recipes;

/// <summary>
/// The shape of a command-line network: hidden blocks of Dense → norm (--norm) → activation (any name
/// <see cref="Layers.Nonlinearity"/> accepts) → dropout, each inside a residual skip (--residual) where its input
/// and output widths match, and a linear output. Before a batch norm the Dense has no bias (the norm's β takes
/// its place, and its gradient would be 0 but for rounding).
/// </summary>
public sealed record Architecture(int[] Hidden, string ActivationName, double Dropout = 0, string? InitName = null)
{
    /// <summary>The hidden blocks' normalisation: none, layer or batch.</summary>
    public string Norm { get; init; } = "none";

    /// <summary>Whether each hidden block whose widths match is a residual block.</summary>
    public bool Residual { get; init; }

    public const string NormNames = "none, layer, batch";

    /// <summary>What --norm and --residual add to a run's fingerprint and description: nothing at their defaults.</summary>
    public string Extras => (Norm == "none" ? "" : $"; norm {Norm}") + (Residual ? "; residual" : "");

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
        if (Norm is not ("none" or "layer" or "batch")) throw new CliException($"--norm: unknown '{Norm}' (one of {NormNames})");
        var blocks = new List<Layer>();
        int? previous = null; // the input's width is not known here: the first block is never residual
        foreach (var width in Hidden)
        {
            var block = new List<Layer> { Layers.Dense(width, init, useBias: Norm != "batch") };
            if (Norm == "layer") block.Add(Layers.LayerNorm());
            if (Norm == "batch") block.Add(Layers.BatchNorm());
            // a fresh nonlinearity per block: PReLU's slopes are each block's own parameters
            block.Add(Layers.Nonlinearity(ActivationName).Match(n => n.Layer, e => throw new CliException(e.Message)));
            if (Dropout > 0) block.Add(Layers.Dropout(Dropout));
            if (Residual && previous == width) blocks.Add(Layers.Residual(Layers.Serial(block)));
            else blocks.AddRange(block);
            previous = width;
        }
        blocks.Add(Layers.Dense(outputs, InitName is null ? Inits.Xavier : init));
        return Layers.Serial(blocks);
    }
}
