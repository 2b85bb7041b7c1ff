using LanguageExt;
using LanguageExt.Common;
using Pure.Core.Init;
using ActivationFn = Pure.Core.Activations.Activation;

namespace Pure.Core.Layers;

/// <summary>
/// Layer constructors: <c>Layers.Serial(Layers.Dense(4, Inits.He), Layers.Relu, Layers.Dense(1), Layers.Sigmoid)</c>.
/// Every constructor takes plain values and returns a <see cref="Layer"/>; widths are inferred from the input.
/// </summary>
public static class Layers
{
    /// <summary>
    /// A fully connected layer of <paramref name="units"/> outputs. Weights default to Xavier-uniform, biases
    /// to zero; pass <paramref name="bias"/> = <c>Inits.Constant(0.01)</c> for ReLU layers, or
    /// <paramref name="useBias"/> = false for none.
    /// </summary>
    public static Layer Dense(int units, Initialiser? weights = null, Initialiser? bias = null, bool useBias = true)
    {
        var name = $"dense({units})";
        var (w, b) = (weights ?? Inits.Xavier, useBias ? bias ?? Inits.Zeros : null);
        var spec = LayerSpec.Of("dense", [("units", LayerSpec.Number(units)), ("bias", useBias ? "true" : "false"), ("weights", w.Kind.Id), ("weights_scale", LayerSpec.Number(w.Scale)),
            .. b is null ? [] : new[] { ("bias_init", b.Kind.Id), ("bias_scale", LayerSpec.Number(b.Scale)) }]);
        return new Layer(name, inputs =>
            units < 1 ? Error.New($"layer {name}: needs at least one unit, got {units}")
            : inputs < 1 ? Error.New($"layer {name}: input width must be positive, got {inputs}")
            : (long)units * (inputs + 1) > Array.MaxLength ? Error.New($"layer {name}: {units}×{inputs} weights are more than an array can hold")
            : new DenseLayer(name, inputs, units, w, b)) { Spec = spec };
    }

    /// <summary>One combinator turns an elementwise function into a layer (stax's <c>elementwise</c>).</summary>
    public static Layer Activation(ActivationFn f) => new(f.Name, width => Width(f.Name, width).Map(w => (LayerPlan)new ActivationLayer(f, w)))
    {
        Spec = LayerSpec.Of("activation", [("function", f.Id), .. f.HasAlpha ? new[] { ("alpha", LayerSpec.Number(f.Alpha)) } : []]),
    };

    /// <summary>The identity f(z) = z as a layer.</summary>
    public static Layer Identity { get; } = Activation(ActivationFn.Identity);
    /// <summary>The Heaviside step as a layer: 1 for z ≥ 0, else 0 (no gradient flows through it).</summary>
    public static Layer Step { get; } = Activation(ActivationFn.Step);
    /// <summary>The sigmoid σ(z) = 1/(1 + e^(−z)) as a layer.</summary>
    public static Layer Sigmoid { get; } = Activation(ActivationFn.Sigmoid);
    /// <summary>tanh z as a layer.</summary>
    public static Layer Tanh { get; } = Activation(ActivationFn.Tanh);
    /// <summary>ReLU max(z, 0) as a layer.</summary>
    public static Layer Relu { get; } = Activation(ActivationFn.Relu);
    /// <summary>Exact GELU z·Φ(z) as a layer.</summary>
    public static Layer Gelu { get; } = Activation(ActivationFn.Gelu);
    /// <summary>GELU's tanh approximation ½z(1 + tanh(√(2/π)(z + 0.044715z³))) as a layer.</summary>
    public static Layer GeluTanh { get; } = Activation(ActivationFn.GeluTanh);
    /// <summary>SiLU z·σ(z) as a layer.</summary>
    public static Layer Silu { get; } = Activation(ActivationFn.Silu);
    /// <summary>Another name for <see cref="Silu"/>.</summary>
    public static Layer Swish => Silu;
    /// <summary>softplus(z) = log(1 + e^z) as a layer.</summary>
    public static Layer Softplus { get; } = Activation(ActivationFn.Softplus);
    /// <summary>Leaky ReLU as a layer: z for z &gt; 0, else <paramref name="alpha"/>·z.</summary>
    public static Layer LeakyRelu(double alpha = 0.01) => Activation(ActivationFn.LeakyRelu(alpha));
    /// <summary>ELU as a layer: z for z &gt; 0, else <paramref name="alpha"/>·(e^z − 1).</summary>
    public static Layer Elu(double alpha = 1.0) => Activation(ActivationFn.Elu(alpha));

    /// <summary>
    /// The nonlinearity of a hidden block by name: any catalogue activation (or alias), or "prelu" — the one
    /// with learnable parameters, so a layer rather than an <see cref="ActivationFn"/>. ReLU-like ones get He init.
    /// </summary>
    public static Fin<(Layer Layer, bool IsReluLike)> Nonlinearity(string name) =>
        name == PReluName ? (PRelu(), true)
        : ActivationFn.Named(name).Match(f => (Fin<(Layer, bool)>)(Activation(f), f.IsReluLike),
            _ => Error.New($"unknown activation '{name}' (one of {string.Join(", ", NonlinearityNames)})"));

    /// <summary>Every name <see cref="Nonlinearity"/> accepts.</summary>
    public static IReadOnlyList<string> NonlinearityNames => [.. ActivationFn.Names, PReluName];

    const string PReluName = "prelu";

    /// <summary>PReLU with one learnable slope per unit, starting at <paramref name="initialSlope"/> (He et al. 2015: 0.25).</summary>
    public static Layer PRelu(double initialSlope = 0.25) =>
        new(PReluName, width => Width(PReluName, width).Map(w => (LayerPlan)new PReluLayer(w, initialSlope))) { Spec = LayerSpec.Of("prelu", ("slope", LayerSpec.Number(initialSlope))) };

    /// <summary>Row-wise softmax with temperature T (T &gt; 0).</summary>
    public static Layer Softmax(double temperature = 1.0)
    {
        var name = FormattableString.Invariant($"softmax(T={temperature:G4})");
        return new(name, width => temperature > 0 && double.IsFinite(temperature)
            ? Width(name, width).Map(w => (LayerPlan)new SoftmaxLayer(temperature, w))
            : Error.New($"layer {name}: temperature must be a positive number")) { Spec = LayerSpec.Of("softmax", ("temperature", LayerSpec.Number(temperature))) };
    }

    /// <summary>Inverted dropout with drop probability <paramref name="rate"/> in [0, 1).</summary>
    public static Layer Dropout(double rate)
    {
        var name = FormattableString.Invariant($"dropout({rate:G3})");
        return new(name, width => rate is >= 0 and < 1
            ? Width(name, width).Map(w => (LayerPlan)new DropoutLayer(rate, w))
            : Error.New(FormattableString.Invariant($"layer {name}: rate must be in [0, 1), got {rate}"))) { Spec = LayerSpec.Of("dropout", ("rate", LayerSpec.Number(rate))) };
    }

    /// <summary>Layer normalisation over each row's <c>width</c> features, ε = 10⁻⁵ unless given (PyTorch's default).</summary>
    public static Layer LayerNorm(double epsilon = 1e-5)
    {
        var name = LayerNormName(epsilon);
        return new(name, width => epsilon > 0 && double.IsFinite(epsilon)
            ? Width(name, width).Map(w => (LayerPlan)new LayerNormLayer(w, epsilon))
            : Error.New($"layer {name}: ε must be a positive number")) { Spec = LayerSpec.Of("layer-norm", ("epsilon", LayerSpec.Number(epsilon))) };
    }

    internal static string LayerNormName(double epsilon) =>
        epsilon == 1e-5 ? "layer-norm" : FormattableString.Invariant($"layer-norm(ε={epsilon:G4})");

    /// <summary>
    /// Batch normalisation of each feature over the batch, ε = 10⁻⁵ and momentum 0.1 unless given (PyTorch's
    /// defaults): batch statistics in training, the running ones (state, not parameters) in evaluation.
    /// </summary>
    public static Layer BatchNorm(double epsilon = 1e-5, double momentum = 0.1)
    {
        var name = BatchNormName(epsilon, momentum);
        return new(name, width => !(epsilon > 0 && double.IsFinite(epsilon)) ? Error.New($"layer {name}: ε must be a positive number")
            : momentum is not (>= 0 and <= 1) ? Error.New($"layer {name}: the momentum must be in [0, 1]")
            : Width(name, width).Map(w => (LayerPlan)new BatchNormLayer(w, epsilon, momentum)))
        {
            Spec = LayerSpec.Of("batch-norm", ("epsilon", LayerSpec.Number(epsilon)), ("momentum", LayerSpec.Number(momentum))),
        };
    }

    internal static string BatchNormName(double epsilon, double momentum) =>
        epsilon == 1e-5 && momentum == 0.1 ? "batch-norm" : FormattableString.Invariant($"batch-norm(ε={epsilon:G4}, momentum={momentum:G4})");

    /// <summary>
    /// A residual block y = x + f(x). Where f changes the width the block is an error naming it, unless
    /// <paramref name="project"/> asks for a learnt projection on the skip (a dense layer without bias).
    /// </summary>
    public static Layer Residual(Layer f, bool project = false)
    {
        var name = project ? $"residual({f.Name}, projected)" : $"residual({f.Name})";
        Fin<LayerPlan> Block(int w, LayerPlan body) =>
            body.OutputWidth == w && !project ? new ResidualLayer(name, body, null)
            : project ? new ResidualLayer(name, body, new DenseLayer("skip", w, body.OutputWidth, Inits.Xavier, null))
            : Error.New($"layer {name}: f maps width {w} to {body.OutputWidth}, and the skip adds x of width {w}; pass project: true for a learnt projection");
        return new(name, width => Width(name, width).Bind(w => f.Plan(w).Match(body => Block(w, body), e => Error.New($"layer {name}: {e.Message}"))))
        {
            Spec = f.Spec is { } body ? LayerSpec.Of("residual", ("project", project ? "true" : "false")).With([body]) : null,
        };
    }

    /// <summary>The layers in order, as one layer. An error names the position and layer that failed.</summary>
    public static Layer Serial(params Layer[] layers) => Serial((IEnumerable<Layer>)layers);

    /// <summary>The layers in order, as one layer (F#: <c>Layers.Serial [dense; relu]</c>).</summary>
    public static Layer Serial(IEnumerable<Layer> layers)
    {
        // Flatten nested Serials so that (a ∘ b) ∘ c and a ∘ (b ∘ c) are the same plan with the same names.
        var items = layers.SelectMany(l => l.Parts.Count > 0 ? l.Parts : [l]).ToArray();
        var name = string.Join(" → ", items.Select(l => l.Name));
        return new Layer(name, width =>
        {
            if (items.Length == 0) return Error.New("serial: needs at least one layer");
            var plans = new LayerPlan[items.Length];
            for (var i = 0; i < items.Length; i++)
            {
                var failure = items[i].Plan(width).Match(p => { plans[i] = p; return null; }, e => (Error?)e);
                if (failure is not null) return Error.New($"layer {i} ({items[i].Name}) on input width {width}: {failure.Message}");
                width = plans[i].OutputWidth;
            }
            return new SerialLayer(name, plans);
        }) { Parts = items, Spec = items.All(l => l.Spec is not null) ? LayerSpec.Of("serial").With(items.Select(l => l.Spec!)) : null };
    }

    static Fin<int> Width(string name, int width) =>
        width >= 1 ? width : Error.New($"layer {name}: input width must be positive, got {width}");
}
