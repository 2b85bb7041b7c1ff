using Pure.Core.Backends;

namespace Pure.Core.Optimisers;

/// <summary>
/// An optimiser: its kind (see <see cref="OptimiserKind"/> for every rule) and hyper-parameters. Made only by
/// a kind (<see cref="OptimiserKind.Create"/>) or the factories below, so each kind's own defaults (AdamW's
/// decay, RMSprop's α, Adagrad's ε) always apply; change one with <c>with { … }</c>. The update itself is a
/// pure transition (θ, g, state) → (θ′, state′), run by a backend kernel in one pass over the flat parameter
/// vector. <see cref="L2"/> is the coupled penalty g ← g + λ₂·θ, available to every kind;
/// <see cref="WeightDecay"/> is AdamW's decoupled decay. Decay and L2 apply to weights only, never to biases
/// or PReLU slopes (the layout's mask). <see cref="Beta2"/> is Adam's second-moment decay and RMSprop's α.
/// </summary>
public sealed record Optimiser
{
    internal Optimiser(OptimiserKind kind, double learningRate)
    {
        Kind = kind;
        LearningRate = learningRate;
    }

    /// <summary>The update rule.</summary>
    public OptimiserKind Kind { get; }
    /// <summary>The base learning rate η, before the <see cref="Schedule"/>.</summary>
    public double LearningRate { get; init; }
    /// <summary>The momentum μ of the heavy-ball and Nesterov rules (default 0.9).</summary>
    public double Momentum { get; init; } = 0.9;
    /// <summary>Adam's first-moment decay β₁ (default 0.9).</summary>
    public double Beta1 { get; init; } = 0.9;
    /// <summary>Adam's second-moment decay β₂ (default 0.999), and RMSprop's α (its default 0.99).</summary>
    public double Beta2 { get; init; } = 0.999;
    /// <summary>The ε added to the denominator √v̂ + ε (default 1e-8; Adagrad's 1e-10).</summary>
    public double Epsilon { get; init; } = 1e-8;
    /// <summary>AdamW's decoupled decay λ, θ ← θ − η·λ·θ before the step (AdamW's default 0.01, else 0).</summary>
    public double WeightDecay { get; init; }
    /// <summary>The coupled L2 penalty λ₂, g ← g + λ₂·θ (default 0).</summary>
    public double L2 { get; init; }

    /// <summary>The L1 penalty λ₁·Σ|θ| on the weights: g ← g + λ₁·sign(θ) before clipping and the update, for every kind.</summary>
    public double L1 { get; init; }

    /// <summary>
    /// Clipping by global norm before each update (PyTorch's <c>clip_grad_norm_</c>): the whole gradient is scaled
    /// by min(1, c/(‖g‖ + 10⁻⁶)); null leaves it alone.
    /// </summary>
    public double? ClipNorm { get; init; }

    /// <summary>The rate's schedule over the steps (<see cref="Optimisers.Schedule.None"/>: constant).</summary>
    public Schedule Schedule { get; init; } = Schedule.None;

    /// <summary>Plain SGD, θ ← θ − η·g, with an optional L2 penalty.</summary>
    public static Optimiser Sgd(double learningRate, double l2 = 0) => OptimiserKind.Sgd.Create(learningRate) with { L2 = l2 };

    /// <summary>SGD with heavy-ball momentum: v ← μ·v + g; θ ← θ − η·v (μ defaults to 0.9).</summary>
    public static Optimiser WithMomentum(double learningRate, double? momentum = null, double l2 = 0) =>
        HeavyBall(OptimiserKind.Momentum.Create(learningRate), momentum, l2);

    /// <summary>SGD with Nesterov momentum: v ← μ·v + g; θ ← θ − η·(g + μ·v) (μ defaults to 0.9).</summary>
    public static Optimiser Nesterov(double learningRate, double? momentum = null, double l2 = 0) =>
        HeavyBall(OptimiserKind.Nesterov.Create(learningRate), momentum, l2);

    /// <summary>Adam with PyTorch's defaults for any hyper-parameter left null, and an optional coupled L2 penalty.</summary>
    public static Optimiser Adam(double learningRate = 1e-3, double? beta1 = null, double? beta2 = null, double? epsilon = null, double l2 = 0) =>
        Betas(OptimiserKind.Adam.Create(learningRate), beta1, beta2, epsilon) with { L2 = l2 };

    /// <summary>AdamW: Adam with decoupled weight decay (default 0.01), PyTorch's defaults for any hyper-parameter left null.</summary>
    public static Optimiser AdamW(double learningRate = 1e-3, double? weightDecay = null, double? beta1 = null, double? beta2 = null, double? epsilon = null)
    {
        var o = Betas(OptimiserKind.AdamW.Create(learningRate), beta1, beta2, epsilon);
        return o with { WeightDecay = weightDecay ?? o.WeightDecay };
    }

    static Optimiser HeavyBall(Optimiser o, double? momentum, double l2) => o with { Momentum = momentum ?? o.Momentum, L2 = l2 };

    static Optimiser Betas(Optimiser o, double? beta1, double? beta2, double? epsilon) =>
        o with { Beta1 = beta1 ?? o.Beta1, Beta2 = beta2 ?? o.Beta2, Epsilon = epsilon ?? o.Epsilon };

    /// <summary>How many state vectors of the parameters' length the optimiser keeps (its kind's).</summary>
    public int StateSlots => Kind.StateSlots;

    /// <summary>The kernel arguments for step <paramref name="step"/> (counting from 1): the rate is the scheduled one.</summary>
    public UpdateRule Rule(int step) => new(Kind.Id, Kind.StateSlots, LearningRate * Schedule.Factor(step), Momentum, Beta1, Beta2, Epsilon, WeightDecay, L2,
        1 - Math.Pow(Beta1, step), 1 - Math.Pow(Beta2, step));
}
