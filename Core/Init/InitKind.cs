namespace Pure.Core.Init;

/// <summary>
/// One initialisation scheme, defined once: its distribution and its standard deviation as a function of the
/// initialiser's scale (constant, bound, std or gain) and the fans. For a (out, in) weight, fan_in = in and
/// fan_out = out. A uniform scheme draws from U(−a, a) with a = √3·std.
/// </summary>
public sealed record InitKind
{
    readonly Func<double, int, int, double> stdDev;

    InitKind(string id, bool isUniform, Func<double, int, int, double> stdDev)
    {
        Id = id;
        IsUniform = isUniform;
        this.stdDev = stdDev;
    }

    /// <summary>The scheme's name in saved networks and on the command line (e.g. <c>he-normal</c>).</summary>
    public string Id { get; }
    /// <summary>Whether it draws from U(−a, a) rather than N(0, std²).</summary>
    public bool IsUniform { get; }

    /// <summary>The standard deviation for <paramref name="scale"/> and the fans (0 for a constant).</summary>
    public double StdDev(double scale, int fanIn, int fanOut) => stdDev(scale, fanIn, fanOut);

    /// <summary>Every element equal to the scale.</summary>
    public static readonly InitKind Constant = new("constant", false, (_, _, _) => 0);
    /// <summary>U(−b, b) with the scale as the bound b, so std = b/√3.</summary>
    public static readonly InitKind Uniform = new("uniform", true, (bound, _, _) => bound / Math.Sqrt(3));
    /// <summary>N(0, s²) with the scale as the standard deviation s.</summary>
    public static readonly InitKind Normal = new("normal", false, (std, _, _) => std);

    // Glorot & Bengio 2010: Var = gain²·2/(fan_in + fan_out)
    /// <summary>Xavier/Glorot uniform: std = gain·√(2/(fan_in + fan_out)).</summary>
    public static readonly InitKind XavierUniform = new("xavier-uniform", true, Glorot);
    /// <summary>Xavier/Glorot normal: std = gain·√(2/(fan_in + fan_out)).</summary>
    public static readonly InitKind XavierNormal = new("xavier-normal", false, Glorot);

    // He et al. 2015: Var = 2/fan_in (ReLU's gain √2 is built in)
    /// <summary>He/Kaiming uniform: std = scale·√(2/fan_in).</summary>
    public static readonly InitKind HeUniform = new("he-uniform", true, Kaiming);
    /// <summary>He/Kaiming normal: std = scale·√(2/fan_in).</summary>
    public static readonly InitKind HeNormal = new("he-normal", false, Kaiming);

    // LeCun et al. 1998: Var = 1/fan_in
    /// <summary>LeCun uniform: std = scale·√(1/fan_in).</summary>
    public static readonly InitKind LeCunUniform = new("lecun-uniform", true, LeCunRule);
    /// <summary>LeCun normal: std = scale·√(1/fan_in).</summary>
    public static readonly InitKind LeCunNormal = new("lecun-normal", false, LeCunRule);

    /// <summary>Every scheme, for finding one by its id (a saved network names them so).</summary>
    public static IReadOnlyList<InitKind> All { get; } = [Constant, Uniform, Normal, XavierUniform, XavierNormal, HeUniform, HeNormal, LeCunUniform, LeCunNormal];

    static double Glorot(double gain, int fanIn, int fanOut) => gain * Math.Sqrt(2.0 / (fanIn + fanOut));
    static double Kaiming(double scale, int fanIn, int fanOut) => scale * Math.Sqrt(2.0 / fanIn);
    static double LeCunRule(double scale, int fanIn, int fanOut) => scale * Math.Sqrt(1.0 / fanIn);

    /// <inheritdoc/>
    public override string ToString() => Id;
}
