using Pure.Core.Tensors;

namespace Pure.Core.Training;

/// <summary>
/// How a run's seed is split, written down once: <see cref="Init"/> the initial parameters, <see cref="Dropout"/>
/// the dropout masks (folded with the step), <see cref="Shuffle"/> each epoch's order, <see cref="Split"/> the
/// held-out rows. The same seed gives the same run, on the CPU whatever the thread count.
/// </summary>
public readonly record struct TrainingKeys(Rng Root)
{
    public static TrainingKeys FromSeed(long seed) => new(Rng.FromSeed(seed));

    public Rng Init => Root.Fold(0);
    public Rng Dropout => Root.Fold(1);
    public Rng Shuffle(int epoch) => Root.Fold(2).Fold((ulong)epoch);
    public Rng Split => Root.Fold(3);
}
