namespace Pure.Core.Init;

/// <summary>The initialisers by name: <c>Inits.He</c>, <c>Inits.Xavier</c>, <c>Inits.Normal(0.01)</c>.</summary>
public static class Inits
{
    /// <summary>All zeros: every unit of a layer computes the same thing forever (the symmetry problem).</summary>
    public static readonly Initialiser Zeros = Constant(0);
    public static readonly Initialiser Xavier = XavierUniform();
    public static readonly Initialiser Glorot = Xavier;
    public static readonly Initialiser He = HeNormal();
    public static readonly Initialiser Kaiming = He;
    public static readonly Initialiser LeCun = LeCunNormal();

    /// <summary>The initialiser of <paramref name="kind"/> at <paramref name="scale"/>, named as its factory names it (the inverse of its Kind and Scale).</summary>
    public static Initialiser Of(InitKind kind, double scale) =>
        kind == InitKind.Constant ? Constant(scale)
        : kind == InitKind.Uniform ? Uniform(scale)
        : kind == InitKind.Normal ? Normal(scale)
        : new(kind, scale, scale == 1 ? kind.Id : FormattableString.Invariant($"{kind.Id}({scale:G4})"));

    public static Initialiser Constant(double value) => new(InitKind.Constant, value, value == 0 ? "zeros" : FormattableString.Invariant($"constant({value:G4})"));
    public static Initialiser Uniform(double bound) => new(InitKind.Uniform, bound, FormattableString.Invariant($"uniform({bound:G4})"));
    public static Initialiser Normal(double std) => new(InitKind.Normal, std, FormattableString.Invariant($"normal({std:G4})"));
    public static Initialiser XavierUniform(double gain = 1) => new(InitKind.XavierUniform, gain, InitKind.XavierUniform.Id);
    public static Initialiser XavierNormal(double gain = 1) => new(InitKind.XavierNormal, gain, InitKind.XavierNormal.Id);
    public static Initialiser HeUniform() => new(InitKind.HeUniform, 1, InitKind.HeUniform.Id);
    public static Initialiser HeNormal() => new(InitKind.HeNormal, 1, InitKind.HeNormal.Id);
    public static Initialiser LeCunUniform() => new(InitKind.LeCunUniform, 1, InitKind.LeCunUniform.Id);
    public static Initialiser LeCunNormal() => new(InitKind.LeCunNormal, 1, InitKind.LeCunNormal.Id);

    /// <summary>
    /// Names accepted on the command line: every fan-based scheme by its id (at gain 1), and the short names
    /// zeros, small (N(0, 0.01²)), xavier, he and lecun.
    /// </summary>
    public static IReadOnlyDictionary<string, Initialiser> ByName { get; } = Table(
        ("zeros", Zeros), ("small", Normal(0.01)), ("xavier", Xavier), ById(XavierUniform()), ById(XavierNormal()),
        ("he", He), ById(HeNormal()), ById(HeUniform()), ("lecun", LeCun), ById(LeCunNormal()), ById(LeCunUniform()));

    static (string Name, Initialiser Init) ById(Initialiser init) => (init.Name, init);

    static IReadOnlyDictionary<string, Initialiser> Table(params (string Name, Initialiser Init)[] entries) =>
        System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(entries.ToDictionary(e => e.Name, e => e.Init));
}
