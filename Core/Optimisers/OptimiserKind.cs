using Pure.Core.Backends;

namespace Pure.Core.Optimisers;

/// <summary>
/// One optimiser, defined once: its name (the CLI's, the checkpoint's and the kernels' key), how many state
/// vectors of the parameters' length it keeps, its default learning rate on the command line, its own default
/// hyper-parameters, and its update rule as a scalar double-precision reference every backend's kernel is tested
/// against. Adding an optimiser is one entry here plus its kernel in each backend. PyTorch's semantics.
/// </summary>
public sealed record OptimiserKind
{
    /// <summary>One step of the rule in double: θ and the state (slots × n) move, g is read; decay[i] is 1 where decay / L2 apply.</summary>
    public delegate void ScalarUpdate(UpdateRule rule, Span<double> theta, ReadOnlySpan<double> gradient, Span<double> state, ReadOnlySpan<double> decay);

    readonly Func<Optimiser, Optimiser> defaults;

    OptimiserKind(string id, int stateSlots, double defaultLearningRate, ScalarUpdate reference, Func<Optimiser, Optimiser>? defaults = null)
    {
        Id = id;
        StateSlots = stateSlots;
        DefaultLearningRate = defaultLearningRate;
        Reference = reference;
        this.defaults = defaults ?? (o => o);
    }

    /// <summary>The optimiser's name on the command line, in checkpoints and as the kernels' key.</summary>
    public string Id { get; }
    /// <summary>How many state vectors of the parameters' length it keeps (0 for SGD, 1 for momentum, 2 for Adam).</summary>
    public int StateSlots { get; }

    /// <summary>The command line's rate when none is given (tuned for small tabular data).</summary>
    public double DefaultLearningRate { get; }

    /// <summary>The rule as a scalar double-precision loop: the definition the kernels are checked against.</summary>
    public ScalarUpdate Reference { get; }

    /// <summary>This optimiser with its default hyper-parameters and the given (or default) rate.</summary>
    public Optimiser Create(double? learningRate = null) => defaults(new Optimiser(this, learningRate ?? DefaultLearningRate));

    /// <summary>θ ← θ − η·g.</summary>
    public static readonly OptimiserKind Sgd = new("sgd", 0, 0.1, (r, theta, g, _, decay) =>
    {
        for (var i = 0; i < theta.Length; i++) theta[i] -= r.LearningRate * (g[i] + r.L2 * decay[i] * theta[i]);
    });

    /// <summary>Heavy ball, no dampening: v ← μ·v + g; θ ← θ − η·v.</summary>
    public static readonly OptimiserKind Momentum = new("momentum", 1, 0.05, (r, theta, g, state, decay) =>
        HeavyBall(r, theta, g, state, decay, nesterov: false));

    /// <summary>v ← μ·v + g; θ ← θ − η·(g + μ·v).</summary>
    public static readonly OptimiserKind Nesterov = new("nesterov", 1, 0.05, (r, theta, g, state, decay) =>
        HeavyBall(r, theta, g, state, decay, nesterov: true));

    /// <summary>Kingma &amp; Ba 2015: m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²; θ ← θ − η·m̂/(√v̂ + ε), ε outside the bias correction as PyTorch has it.</summary>
    public static readonly OptimiserKind Adam = new("adam", 2, 0.01,
        (r, theta, g, state, decay) => AdamStep(r, theta, g, state, decay, decoupled: false));

    /// <summary>Loshchilov &amp; Hutter 2019: the decay θ ← θ − η·λ·θ comes first, then the Adam step.</summary>
    public static readonly OptimiserKind AdamW = new("adamw", 2, 0.01,
        (r, theta, g, state, decay) => AdamStep(r, theta, g, state, decay, decoupled: true), o => o with { WeightDecay = 0.01 });

    /// <summary>Hinton's RMSprop as PyTorch has it: v ← α·v + (1−α)g²; θ ← θ − η·g/(√v + ε), α = 0.99 carried as <see cref="Optimiser.Beta2"/>.</summary>
    public static readonly OptimiserKind RmsProp = new("rmsprop", 1, 0.01, (r, theta, g, state, decay) =>
    {
        var v = state[..theta.Length];
        for (var i = 0; i < theta.Length; i++)
        {
            var gi = g[i] + r.L2 * decay[i] * theta[i];
            v[i] = r.Beta2 * v[i] + (1 - r.Beta2) * gi * gi;
            theta[i] -= r.LearningRate * gi / (Math.Sqrt(v[i]) + r.Epsilon);
        }
    }, o => o with { Beta2 = 0.99 });

    /// <summary>Duchi et al. 2011 as PyTorch has it: s ← s + g²; θ ← θ − η·g/(√s + ε), no rate decay, accumulator from 0, ε 1e-10.</summary>
    public static readonly OptimiserKind Adagrad = new("adagrad", 1, 0.01, (r, theta, g, state, decay) =>
    {
        var s = state[..theta.Length];
        for (var i = 0; i < theta.Length; i++)
        {
            var gi = g[i] + r.L2 * decay[i] * theta[i];
            s[i] += gi * gi;
            theta[i] -= r.LearningRate * gi / (Math.Sqrt(s[i]) + r.Epsilon);
        }
    }, o => o with { Epsilon = 1e-10 });

    /// <summary>Every optimiser, in the order the CLI lists them.</summary>
    public static IReadOnlyList<OptimiserKind> All { get; } = [Sgd, Momentum, Nesterov, Adam, AdamW, RmsProp, Adagrad];

    /// <summary>The optimiser called <paramref name="name"/>, or an error listing the names.</summary>
    public static LanguageExt.Fin<OptimiserKind> Named(string name) =>
        All.FirstOrDefault(k => k.Id == name) is { } kind
            ? kind
            : LanguageExt.Common.Error.New($"unknown optimizer '{name}' (one of {string.Join(", ", All.Select(k => k.Id))})");

    static void HeavyBall(UpdateRule r, Span<double> theta, ReadOnlySpan<double> g, Span<double> state, ReadOnlySpan<double> decay, bool nesterov)
    {
        var v = state[..theta.Length];
        for (var i = 0; i < theta.Length; i++)
        {
            var gi = g[i] + r.L2 * decay[i] * theta[i];
            v[i] = r.Momentum * v[i] + gi;
            theta[i] -= r.LearningRate * (nesterov ? gi + r.Momentum * v[i] : v[i]);
        }
    }

    static void AdamStep(UpdateRule r, Span<double> theta, ReadOnlySpan<double> g, Span<double> state, ReadOnlySpan<double> decay, bool decoupled)
    {
        var n = theta.Length;
        var m = state[..n];
        var v = state.Slice(n, n);
        for (var i = 0; i < n; i++)
        {
            if (decoupled) theta[i] -= r.LearningRate * r.WeightDecay * decay[i] * theta[i];
            var gi = g[i] + r.L2 * decay[i] * theta[i];
            m[i] = r.Beta1 * m[i] + (1 - r.Beta1) * gi;
            v[i] = r.Beta2 * v[i] + (1 - r.Beta2) * gi * gi;
            theta[i] -= r.LearningRate * (m[i] / r.Correction1) / (Math.Sqrt(v[i] / r.Correction2) + r.Epsilon);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Id;
}
