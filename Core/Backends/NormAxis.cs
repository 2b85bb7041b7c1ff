namespace Pure.Core.Backends;

/// <summary>
/// Which elements of a rows×cols batch a normalisation averages over: each row's own (layer normalisation,
/// statistics per example) or each column's over the batch (batch normalisation, statistics per feature).
/// </summary>
public enum NormAxis
{
    /// <summary>Statistics over each row (layer normalisation).</summary>
    PerRow,
    /// <summary>Statistics over each column, across the batch (batch normalisation).</summary>
    PerColumn,
}
