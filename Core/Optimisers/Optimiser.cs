using Pure.Core.Backends;

namespace Pure.Core.Optimisers;

/// <summary>
/// An optimiser: its kind (see <see cref="OptimiserKind"/> for every rule) and hyper-parameters. The update
/// itself is a pure transition (θ, g, state) → (θ′, state′), run by a backend kernel in one pass over the
/// flat parameter vector. <see cref="L2"/> is the coupled penalty g ← g + λ₂·θ, available to every kind;
/// <see cref="WeightDecay"/> is AdamW's decoupled decay. Decay and L2 apply to weights only, never to biases
/// or PReLU slopes (the layout's mask). <see cref="Beta2"/> is Adam's second-moment decay and RMSprop's α.
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

    /// <summary>How many state vectors of the parameters' length the optimiser keeps (its kind's).</summary>
    public int StateSlots => Kind.StateSlots;

    /// <summary>The kernel arguments for step <paramref name="step"/> (counting from 1).</summary>
    public UpdateRule Rule(int step) => new(Kind.Id, Kind.StateSlots, LearningRate, Momentum, Beta1, Beta2, Epsilon, WeightDecay, L2,
        1 - Math.Pow(Beta1, step), 1 - Math.Pow(Beta2, step));
}
