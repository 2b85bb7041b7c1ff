using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Pure.Properties.Support;

/// <summary>A generated seed over the whole 32-bit range (FsCheck's int generator is size-bounded).</summary>
public readonly record struct Seed(int Value)
{
    public Rng Rng => Rng.FromSeed(Value);
    public override string ToString() => $"seed {Value}";
}

public static class SeedArbitrary
{
    public static Arbitrary<Seed> Seeds() => Gen.Choose(int.MinValue, int.MaxValue).Select(v => new Seed(v)).ToArbitrary();
}

/// <summary>
/// The suite's property attribute: a fixed number of cases over generated <see cref="Seed"/>s. Properties
/// build their inputs from the core's own <c>Rng</c>, so a failure prints the seed that reproduces it.
/// </summary>
public sealed class SeededPropertyAttribute : PropertyAttribute
{
    public SeededPropertyAttribute()
    {
        MaxTest = 60;
        QuietOnSuccess = true;
        Arbitrary = [typeof(SeedArbitrary)];
    }
}
