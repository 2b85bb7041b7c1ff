namespace Pure.Core.Activations;

/// <summary>
/// An elementwise activation: its kind and, for Leaky ReLU and ELU, the slope/scale α.
/// <see cref="Value"/> and <see cref="Derivative"/> are the scalar definitions in double precision: the
/// reference the backends' span kernels are tested against, and what the tour prints.
/// </summary>
public sealed record Activation(ActivationKind Kind, double Alpha = 0)
{
    public static readonly Activation Identity = new(ActivationKind.Identity);
    /// <summary>Heaviside step with H(0) = 1; its derivative is taken as 0 everywhere.</summary>
    public static readonly Activation Step = new(ActivationKind.Step);
    public static readonly Activation Sigmoid = new(ActivationKind.Sigmoid);
    public static readonly Activation Tanh = new(ActivationKind.Tanh);
    public static readonly Activation Relu = new(ActivationKind.Relu);
    public static readonly Activation Gelu = new(ActivationKind.Gelu);
    public static readonly Activation GeluTanh = new(ActivationKind.GeluTanh);
    public static readonly Activation Silu = new(ActivationKind.Silu);
    public static readonly Activation Softplus = new(ActivationKind.Softplus);
    public static Activation LeakyRelu(double alpha = 0.01) => new(ActivationKind.LeakyRelu, alpha);
    public static Activation Elu(double alpha = 1.0) => new(ActivationKind.Elu, alpha);

    /// <summary>Every activation with its default parameter, for galleries and properties.</summary>
    public static IReadOnlyList<Activation> All { get; } =
        [Identity, Step, Sigmoid, Tanh, Relu, LeakyRelu(), Elu(), Gelu, GeluTanh, Silu, Softplus];

    public string Name => Kind switch
    {
        ActivationKind.LeakyRelu => FormattableString.Invariant($"leaky-relu({Alpha:G4})"),
        ActivationKind.Elu => FormattableString.Invariant($"elu({Alpha:G4})"),
        ActivationKind.GeluTanh => "gelu-tanh",
        _ => Kind.ToString().ToLowerInvariant(),
    };

    /// <summary>f(z).</summary>
    public double Value(double z) => Kind switch
    {
        ActivationKind.Identity => z,
        ActivationKind.Step => z >= 0 ? 1 : 0,
        ActivationKind.Sigmoid => Scalar.Sigmoid(z),
        ActivationKind.Tanh => Math.Tanh(z),
        ActivationKind.Relu => z > 0 ? z : 0,
        ActivationKind.LeakyRelu => z > 0 ? z : Alpha * z,
        ActivationKind.Elu => z > 0 ? z : Alpha * (Math.Exp(z) - 1),
        ActivationKind.Gelu => z * Scalar.NormalCdf(z),
        ActivationKind.GeluTanh => 0.5 * z * (1 + Math.Tanh(Scalar.GeluK * (z + 0.044715 * z * z * z))),
        ActivationKind.Silu => z * Scalar.Sigmoid(z),
        ActivationKind.Softplus => Scalar.Softplus(z),
        _ => throw new ArgumentOutOfRangeException(nameof(Kind)),
    };

    /// <summary>f′(z).</summary>
    public double Derivative(double z) => Kind switch
    {
        ActivationKind.Identity => 1,
        ActivationKind.Step => 0,
        ActivationKind.Sigmoid => Scalar.Sigmoid(z) * (1 - Scalar.Sigmoid(z)),
        ActivationKind.Tanh => 1 - Math.Tanh(z) * Math.Tanh(z),
        ActivationKind.Relu => z > 0 ? 1 : 0,
        ActivationKind.LeakyRelu => z > 0 ? 1 : Alpha,
        ActivationKind.Elu => z > 0 ? 1 : Alpha * Math.Exp(z),
        // d/dz z·Φ(z) = Φ(z) + z·φ(z)
        ActivationKind.Gelu => Scalar.NormalCdf(z) + z * Scalar.NormalPdf(z),
        ActivationKind.GeluTanh => Scalar.GeluTanhDerivative(z),
        // d/dz z·σ(z) = σ(z)·(1 + z·(1 − σ(z)))
        ActivationKind.Silu => Scalar.Sigmoid(z) * (1 + z * (1 - Scalar.Sigmoid(z))),
        ActivationKind.Softplus => Scalar.Sigmoid(z),
        _ => throw new ArgumentOutOfRangeException(nameof(Kind)),
    };

    public override string ToString() => Name;
}
