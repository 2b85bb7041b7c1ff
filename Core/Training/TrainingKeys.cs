using Pure.Core.Tensors;

namespace Pure.Core.Training;

/// <summary>
/// How a run's seed is split, written down once: <see cref="Init"/> the initial parameters, <see cref="Dropout"/>
/// the dropout masks (folded with the step), <see cref="Shuffle"/> each epoch's order, <see cref="Split"/> the
/// held-out rows. The same seed gives the same run, on the CPU whatever the thread count.
/// </summary>
public readonly record struct TrainingKeys(Rng Root)
{
    /// <summary>The keys of a run started from <paramref name="seed"/>.</summary>
    public static TrainingKeys FromSeed(long seed) => new(Rng.FromSeed(seed));

    /// <summary>The key of the initial parameters.</summary>
    public Rng Init => Root.Fold(0);
    /// <summary>The key of the dropout masks, folded with the step.</summary>
    public Rng Dropout => Root.Fold(1);
    /// <summary>The key of epoch <paramref name="epoch"/>'s row order.</summary>
    public Rng Shuffle(int epoch) => Root.Fold(2).Fold((ulong)epoch);
    /// <summary>The key that picks the held-out rows.</summary>
    public Rng Split => Root.Fold(3);
}
