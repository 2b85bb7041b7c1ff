namespace Pure.Core.Init;

/// <summary>The initialisers by name: <c>Inits.He</c>, <c>Inits.Xavier</c>, <c>Inits.Normal(0.01)</c>.</summary>
public static class Inits
{
    /// <summary>All zeros: every unit of a layer computes the same thing forever (the symmetry problem).</summary>
    public static readonly Initialiser Zeros = Constant(0);
    /// <summary>Xavier/Glorot uniform at gain 1, a dense layer's default weights.</summary>
    public static readonly Initialiser Xavier = XavierUniform();
    /// <summary>Another name for <see cref="Xavier"/>.</summary>
    public static readonly Initialiser Glorot = Xavier;
    /// <summary>He/Kaiming normal, the choice for weights feeding a ReLU-like activation.</summary>
    public static readonly Initialiser He = HeNormal();
    /// <summary>Another name for <see cref="He"/>.</summary>
    public static readonly Initialiser Kaiming = He;
    /// <summary>LeCun normal, Var = 1/fan_in.</summary>
    public static readonly Initialiser LeCun = LeCunNormal();

    /// <summary>The initialiser of <paramref name="kind"/> at <paramref name="scale"/>, named as its factory names it (the inverse of its Kind and Scale).</summary>
    public static Initialiser Of(InitKind kind, double scale) =>
        kind == InitKind.Constant ? Constant(scale)
        : kind == InitKind.Uniform ? Uniform(scale)
        : kind == InitKind.Normal ? Normal(scale)
        : new(kind, scale, scale == 1 ? kind.Id : FormattableString.Invariant($"{kind.Id}({scale:G4})"));

    /// <summary>Every element equal to <paramref name="value"/> (named <c>zeros</c> at 0).</summary>
    public static Initialiser Constant(double value) => new(InitKind.Constant, value, value == 0 ? "zeros" : FormattableString.Invariant($"constant({value:G4})"));
    /// <summary>U(−bound, bound), regardless of the fans.</summary>
    public static Initialiser Uniform(double bound) => new(InitKind.Uniform, bound, FormattableString.Invariant($"uniform({bound:G4})"));
    /// <summary>N(0, std²), regardless of the fans.</summary>
    public static Initialiser Normal(double std) => new(InitKind.Normal, std, FormattableString.Invariant($"normal({std:G4})"));
    /// <summary>Xavier/Glorot uniform: U(−a, a) with a = gain·√(6/(fan_in + fan_out)).</summary>
    public static Initialiser XavierUniform(double gain = 1) => new(InitKind.XavierUniform, gain, InitKind.XavierUniform.Id);
    /// <summary>Xavier/Glorot normal: N(0, gain²·2/(fan_in + fan_out)).</summary>
    public static Initialiser XavierNormal(double gain = 1) => new(InitKind.XavierNormal, gain, InitKind.XavierNormal.Id);
    /// <summary>He/Kaiming uniform: U(−a, a) with a = √(6/fan_in).</summary>
    public static Initialiser HeUniform() => new(InitKind.HeUniform, 1, InitKind.HeUniform.Id);
    /// <summary>He/Kaiming normal: N(0, 2/fan_in).</summary>
    public static Initialiser HeNormal() => new(InitKind.HeNormal, 1, InitKind.HeNormal.Id);
    /// <summary>LeCun uniform: U(−a, a) with a = √(3/fan_in).</summary>
    public static Initialiser LeCunUniform() => new(InitKind.LeCunUniform, 1, InitKind.LeCunUniform.Id);
    /// <summary>LeCun normal: N(0, 1/fan_in).</summary>
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
