namespace Pure.Core.Optimisers;

/// <summary>
/// An optimiser's hyper-parameters. The update itself is a pure transition (θ, g, state) → (θ′, state′),
/// run by a backend kernel in one pass over the flat parameter vector (PyTorch's semantics):
/// <list type="bullet">
/// <item>SGD: θ ← θ − η·g</item>
/// <item>Momentum: v ← μ·v + g; θ ← θ − η·v</item>
/// <item>Nesterov: v ← μ·v + g; θ ← θ − η·(g + μ·v)</item>
/// <item>Adam (Kingma &amp; Ba 2015): m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²; θ ← θ − η·m̂/(√v̂ + ε)</item>
/// <item>AdamW (Loshchilov &amp; Hutter 2019): θ ← θ − η·λ·θ first (decoupled decay), then the Adam step</item>
/// </list>
/// <see cref="L2"/> is the coupled penalty g ← g + λ₂·θ, available to every kind. Decay and L2 apply to
/// weights only, never to biases or PReLU slopes (the layout's mask).
/// </summary>
public sealed record Optimiser(
    OptimiserKind Kind,
    double LearningRate,
    double Momentum = 0.9,
    double Beta1 = 0.9,
    double Beta2 = 0.999,
    double Epsilon = 1e-8,
    double WeightDecay = 0,
    double L2 = 0)
{
    public static Optimiser Sgd(double learningRate, double l2 = 0) => new(OptimiserKind.Sgd, learningRate, L2: l2);

    public static Optimiser WithMomentum(double learningRate, double momentum = 0.9, double l2 = 0) =>
        new(OptimiserKind.Momentum, learningRate, Momentum: momentum, L2: l2);

    public static Optimiser Nesterov(double learningRate, double momentum = 0.9, double l2 = 0) =>
        new(OptimiserKind.Nesterov, learningRate, Momentum: momentum, L2: l2);

    public static Optimiser Adam(double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8, double l2 = 0) =>
        new(OptimiserKind.Adam, learningRate, Beta1: beta1, Beta2: beta2, Epsilon: epsilon, L2: l2);

    public static Optimiser AdamW(double learningRate = 1e-3, double weightDecay = 0.01, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8) =>
        new(OptimiserKind.AdamW, learningRate, Beta1: beta1, Beta2: beta2, Epsilon: epsilon, WeightDecay: weightDecay);

    /// <summary>How many state vectors of the parameters' length the optimiser keeps (velocity; m and v).</summary>
    public int StateSlots => Kind switch
    {
        OptimiserKind.Sgd => 0,
        OptimiserKind.Momentum or OptimiserKind.Nesterov => 1,
        _ => 2,
    };
}
