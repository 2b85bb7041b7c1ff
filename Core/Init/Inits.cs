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

    public static Initialiser Constant(double value) => new(InitKind.Constant, value, value == 0 ? "zeros" : FormattableString.Invariant($"constant({value:G4})"));
    public static Initialiser Uniform(double bound) => new(InitKind.Uniform, bound, FormattableString.Invariant($"uniform({bound:G4})"));
    public static Initialiser Normal(double std) => new(InitKind.Normal, std, FormattableString.Invariant($"normal({std:G4})"));
    public static Initialiser XavierUniform(double gain = 1) => new(InitKind.XavierUniform, gain, "xavier-uniform");
    public static Initialiser XavierNormal(double gain = 1) => new(InitKind.XavierNormal, gain, "xavier-normal");
    public static Initialiser HeUniform() => new(InitKind.HeUniform, 1, "he-uniform");
    public static Initialiser HeNormal() => new(InitKind.HeNormal, 1, "he-normal");
    public static Initialiser LeCunUniform() => new(InitKind.LeCunUniform, 1, "lecun-uniform");
    public static Initialiser LeCunNormal() => new(InitKind.LeCunNormal, 1, "lecun-normal");

    /// <summary>Names accepted on the command line.</summary>
    public static IReadOnlyDictionary<string, Initialiser> ByName { get; } = System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(new Dictionary<string, Initialiser>
    {
        ["zeros"] = Zeros,
        ["small"] = Normal(0.01),
        ["xavier"] = Xavier,
        ["xavier-uniform"] = Xavier,
        ["xavier-normal"] = XavierNormal(),
        ["he"] = He,
        ["he-normal"] = He,
        ["he-uniform"] = HeUniform(),
        ["lecun"] = LeCun,
        ["lecun-normal"] = LeCun,
        ["lecun-uniform"] = LeCunUniform(),
    });
}
