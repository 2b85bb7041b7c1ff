namespace Pure.Core.Activations;

/// <summary>
/// One elementwise activation, defined once: its name (the CLI's, the model file's and the kernels' key),
/// aliases, its scalar value and derivative in double precision (the reference every backend's kernel is
/// tested against, and what the tour prints), whether it is ReLU-like (He init by default), and its
/// parameter α where it has one (Leaky ReLU's slope, ELU's scale). The entries live in
/// <c>Activation.Catalogue.cs</c>; a backend implements each by <see cref="Id"/>.
/// </summary>
public sealed partial record Activation
{
    readonly Func<double, double, double> value, derivative;

    Activation(string id, Func<double, double, double> value, Func<double, double, double> derivative)
    {
        Id = id;
        this.value = value;
        this.derivative = derivative;
    }

    /// <summary>The activation's name on the command line, in model files, and as the kernels' key.</summary>
    public string Id { get; }

    /// <summary>Other names accepted for it (e.g. swish for SiLU).</summary>
    public IReadOnlyList<string> Aliases { get; private init; } = [];

    /// <summary>Whether it behaves like ReLU for initialisation (He rather than Xavier by default).</summary>
    public bool IsReluLike { get; private init; }

    /// <summary>Whether <see cref="Alpha"/> is a parameter of this activation.</summary>
    public bool HasAlpha { get; private init; }

    /// <summary>The parameter α (0 where the activation has none).</summary>
    public double Alpha { get; private init; }

    /// <summary>Its OpenCL C kernel body, beside the scalar reference: the value and the input gradient as expressions.</summary>
    public OpenClCode OpenCl { get; private init; } = null!;

    /// <summary>The same activation with parameter <paramref name="alpha"/>.</summary>
    public Activation WithAlpha(double alpha) =>
        HasAlpha ? this with { Alpha = alpha } : throw new InvalidOperationException($"activation {Id} has no parameter");

    /// <summary>The display name: the id, with α for the parameterised ones (<c>leaky-relu(0.01)</c>).</summary>
    public string Name => HasAlpha ? FormattableString.Invariant($"{Id}({Alpha:G4})") : Id;

    /// <summary>f(z).</summary>
    public double Value(double z) => value(z, Alpha);

    /// <summary>f′(z).</summary>
    public double Derivative(double z) => derivative(z, Alpha);

    /// <summary>The activation called <paramref name="name"/> (an id or an alias), with its default α.</summary>
    public static LanguageExt.Fin<Activation> Named(string name) =>
        All.FirstOrDefault(a => a.Id == name || a.Aliases.Contains(name)) is { } found
            ? found
            : LanguageExt.Common.Error.New($"unknown activation '{name}' (one of {string.Join(", ", Names)})");

    /// <summary>Every accepted name, ids and aliases, in catalogue order.</summary>
    public static IReadOnlyList<string> Names => All.SelectMany(a => a.Aliases.Prepend(a.Id)).ToArray();

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>
/// An activation in OpenCL C, single precision: <see cref="Value"/> is f in terms of <c>z</c> and <c>alpha</c>;
/// <see cref="Gradient"/> is the input gradient δz in terms of <c>z</c>, <c>a</c> = f(z), the upstream <c>da</c>
/// and <c>alpha</c> (a select where the CPU kernel selects, so a blocked unit passes exactly 0). Helpers the
/// expressions may call (<c>pure_sigmoid</c>, <c>pure_softplus</c>, <c>pure_gelu_tanh_gradient</c>) come with the OpenCL backend.
/// </summary>
public sealed record OpenClCode(string Value, string Gradient);
