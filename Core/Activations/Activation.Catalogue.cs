namespace Pure.Core.Activations;

/// <summary>
/// The catalogue: one entry per activation. Adding one is an entry here (name, value, derivative, family, its
/// OpenCL C expressions, from which the OpenCL backend generates its kernels) plus its CPU kernel; the CLI's
/// table, help texts, model-file names, the gallery and the properties all read <see cref="All"/>.
/// </summary>
public sealed partial record Activation
{
    /// <summary>The identity f(z) = z; f′ = 1.</summary>
    public static readonly Activation Identity = new("identity", (z, _) => z, (_, _) => 1)
        { OpenCl = new("z", "da") };

    /// <summary>Heaviside step with H(0) = 1; its derivative is taken as 0 everywhere.</summary>
    public static readonly Activation Step = new("step", (z, _) => z >= 0 ? 1 : 0, (_, _) => 0)
        { OpenCl = new("z >= 0.0f ? 1.0f : 0.0f", "0.0f") };

    /// <summary>σ(z) = 1/(1 + e^(−z)); σ′ = σ(z)·σ(−z), which keeps the tails that σ(1 − σ) rounds to 0.</summary>
    public static readonly Activation Sigmoid = new("sigmoid", (z, _) => Scalar.Sigmoid(z), (z, _) => Scalar.Sigmoid(z) * Scalar.Sigmoid(-z))
        { OpenCl = new("pure_sigmoid(z)", "da * (pure_sigmoid(z) * pure_sigmoid(-z))") };

    /// <summary>tanh′ = sech² z = 1/cosh² z, which keeps the tails that 1 − tanh² z rounds to 0.</summary>
    public static readonly Activation Tanh = new("tanh", (z, _) => Math.Tanh(z), (z, _) => 1 / (Math.Cosh(z) * Math.Cosh(z)))
        { OpenCl = new("tanh(z)", "da / (cosh(z) * cosh(z))") };

    /// <summary>ReLU max(z, 0); its derivative is 1 for z &gt; 0 and 0 otherwise (0 at z = 0).</summary>
    public static readonly Activation Relu = new("relu", (z, _) => z > 0 ? z : 0, (z, _) => z > 0 ? 1 : 0)
        { IsReluLike = true, OpenCl = new("isnan(z) ? z : fmax(z, 0.0f)", "z > 0.0f ? da : 0.0f") };

    /// <summary>Leaky ReLU with its default slope α = 0.01: z for z &gt; 0, αz otherwise; see <see cref="LeakyRelu"/> for another α.</summary>
    public static readonly Activation LeakyReluEntry = new("leaky-relu", (z, a) => z > 0 ? z : a * z, (z, a) => z > 0 ? 1 : a)
        { IsReluLike = true, HasAlpha = true, Alpha = 0.01, OpenCl = new("z > 0.0f ? z : alpha * z", "da * (z > 0.0f ? 1.0f : alpha)") };

    /// <summary>ELU (Clevert et al. 2016): α(e^z − 1) for z ≤ 0.</summary>
    public static readonly Activation EluEntry = new("elu", (z, a) => z > 0 ? z : a * Scalar.ExpM1(z), (z, a) => z > 0 ? 1 : a * Math.Exp(z))
        { IsReluLike = true, HasAlpha = true, Alpha = 1.0, OpenCl = new("z > 0.0f ? z : alpha * expm1(z)", "da * (z > 0.0f ? 1.0f : alpha * exp(z))") };

    /// <summary>GELU (Hendrycks &amp; Gimpel 2016) exactly: z·Φ(z); d/dz = Φ(z) + z·φ(z).</summary>
    public static readonly Activation Gelu = new("gelu", (z, _) => z * Scalar.NormalCdf(z),
        (z, _) => Scalar.NormalCdf(z) + z * Scalar.NormalPdf(z)) { IsReluLike = true, OpenCl = new("z * 0.5f * erfc(-z * M_SQRT1_2_F)", "da * (0.5f * erfc(-z * M_SQRT1_2_F) + z * exp(-0.5f * z * z) * 0.3989422804f)") };

    /// <summary>GELU's tanh approximation ½z(1 + tanh(√(2/π)(z + 0.044715z³))).</summary>
    public static readonly Activation GeluTanh = new("gelu-tanh", (z, _) => Scalar.GeluTanh(z), (z, _) => Scalar.GeluTanhDerivative(z))
        { IsReluLike = true, OpenCl = new("z * pure_sigmoid(1.5957691216f * (z + 0.044715f * z * z * z))", "da * pure_gelu_tanh_gradient(z)") };

    /// <summary>SiLU / swish z·σ(z); d/dz = σ(z)·(1 + z·(1 − σ(z))).</summary>
    public static readonly Activation Silu = new("silu", (z, _) => z * Scalar.Sigmoid(z),
        (z, _) => Scalar.Sigmoid(z) * (1 + z * (1 - Scalar.Sigmoid(z)))) { IsReluLike = true, Aliases = ["swish"], OpenCl = new("z * pure_sigmoid(z)", "da * (pure_sigmoid(z) * (1.0f + z * (1.0f - pure_sigmoid(z))))") };

    /// <summary>softplus(z) = log(1 + e^z), a smooth ReLU; its derivative is σ(z).</summary>
    public static readonly Activation Softplus = new("softplus", (z, _) => Scalar.Softplus(z), (z, _) => Scalar.Sigmoid(z))
        { OpenCl = new("pure_softplus(z)", "da * pure_sigmoid(z)") };

    /// <summary>Mish (Misra 2019): z·tanh(softplus z); d/dz = tanh(sp) + z·(1 − tanh²(sp))·σ(z).</summary>
    public static readonly Activation Mish = new("mish", (z, _) => z * Math.Tanh(Scalar.Softplus(z)),
        (z, _) => Math.Tanh(Scalar.Softplus(z)) + z * (1 - Math.Pow(Math.Tanh(Scalar.Softplus(z)), 2)) * Scalar.Sigmoid(z))
        { IsReluLike = true, OpenCl = new("z * tanh(pure_softplus(z))", "da * (tanh(pure_softplus(z)) + z * (1.0f - tanh(pure_softplus(z)) * tanh(pure_softplus(z))) * pure_sigmoid(z))") };

    /// <summary>Hard-swish (Howard et al. 2019, MobileNetV3): z·relu6(z + 3)/6; d/dz = 0 below −3, (2z + 3)/6 up to 3, then 1 (PyTorch's).</summary>
    public static readonly Activation HardSwish = new("hard-swish", (z, _) => z * Math.Clamp(z + 3, 0, 6) / 6,
        (z, _) => z < -3 ? 0 : z <= 3 ? (2 * z + 3) / 6 : 1) { IsReluLike = true, OpenCl = new("z * clamp(z + 3.0f, 0.0f, 6.0f) / 6.0f", "da * (z < -3.0f ? 0.0f : z <= 3.0f ? (2.0f * z + 3.0f) / 6.0f : 1.0f)") };

    /// <summary>Leaky ReLU with slope <paramref name="alpha"/> for z ≤ 0.</summary>
    public static Activation LeakyRelu(double alpha = 0.01) => LeakyReluEntry.WithAlpha(alpha);

    /// <summary>ELU with scale <paramref name="alpha"/>: α(e^z − 1) for z ≤ 0.</summary>
    public static Activation Elu(double alpha = 1.0) => EluEntry.WithAlpha(alpha);

    /// <summary>Every activation with its default parameter, in the order the CLI lists them.</summary>
    public static IReadOnlyList<Activation> All { get; } =
        [Identity, Step, Sigmoid, Tanh, Relu, LeakyReluEntry, EluEntry, Gelu, GeluTanh, Silu, Softplus, Mish, HardSwish];
}
