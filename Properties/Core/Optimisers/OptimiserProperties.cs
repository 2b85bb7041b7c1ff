using Pure.Properties.Support;


namespace Pure.Properties;

/// <summary>Three steps on f(w) = ½‖w‖² + Σw (∇f = w + 1) from w = (1, −2, 3), lr 0.1, PyTorch semantics (DESIGN.md).</summary>
public class OptimiserProperties
{
    static readonly CpuBackend<float> Cpu = TestBackends.Float;

    /// <summary>A network with exactly three weights (no bias) stands in for w.</summary>
    static Params Start(float[] w)
    {
        var net = Network.Build(Layers.Dense(3, Inits.Zeros, useBias: false), 1).ThrowIfFail();
        return Params.From(net.Layout, w).ThrowIfFail();
    }

    static float[] ThreeSteps(Optimiser o, float[] w0)
    {
        var p = Start(w0);
        var state = OptimiserState.Initial(o, p.Length);
        for (var i = 0; i < 3; i++)
        {
            var g = p.Values.ToArray().Select(w => w + 1).ToArray();
            (p, state) = o.Update(Cpu, p, g, state);
        }
        return p.ToArray();
    }

    public static TheoryData<string, double[]> References => new()
    {
        { "adam", [0.70062339, -1.70158627, 2.70027384] },
        { "adamw", [0.67398705, -1.64565631, 2.61425481] },
        { "momentum", [-0.028, -1.486, 0.944] },
        { "nesterov", [-0.345358, -1.327321, 0.309284] },
        { "sgd", [1 - 0.1 * 2 - 0.1 * 1.8 - 0.1 * 1.62, -2 + 0.1 + 0.09 + 0.081, 3 - 0.4 - 0.36 - 0.324] },
        // PyTorch's RMSprop (α 0.99, ε 1e-8) written out in float64; w₂ reaches its minimum −1 in one step and stays
        { "rmsprop", [-0.69031259, -1.0, 0.96272189] },
        // PyTorch's Adagrad (no rate decay, ε 1e-10) written out in float64
        { "adagrad", [0.77582152, -1.78045618, 2.77364333] },
    };

    static Optimiser ByName(string name) => name switch
    {
        "adam" => Optimiser.Adam(0.1),
        "adamw" => Optimiser.AdamW(0.1, weightDecay: 0.1),
        "momentum" => Optimiser.WithMomentum(0.1, 0.9),
        "nesterov" => Optimiser.Nesterov(0.1, 0.9),
        "sgd" => Optimiser.Sgd(0.1),
        _ => OptimiserKind.Named(name).ThrowIfFail().Create(0.1),
    };

    /// <summary>The kernel agrees with its kind's own double-precision reference, on the same three steps.</summary>
    [Theory]
    [MemberData(nameof(References))]
    public void Three_steps_of_the_reference_match_pytorch_too(string name, double[] expected)
    {
        var o = ByName(name);
        double[] w = [1, -2, 3], state = new double[o.StateSlots * 3], decay = [1, 1, 1];
        for (var t = 1; t <= 3; t++) o.Kind.Reference(o.Rule(t), w, w.Select(v => v + 1).ToArray(), state, decay);
        for (var i = 0; i < 3; i++) Assert.True(Math.Abs(w[i] - expected[i]) < 1e-7, $"{name} reference w[{i}] = {w[i]}, expected {expected[i]}");
    }

    [Fact]
    public void Every_kind_is_named_once_and_creates_itself_with_its_default_rate()
    {
        Assert.Equal(OptimiserKind.All.Count, OptimiserKind.All.Select(k => k.Id).Distinct().Count());
        foreach (var kind in OptimiserKind.All)
        {
            var o = OptimiserKind.Named(kind.Id).ThrowIfFail().Create();
            Assert.Same(kind, o.Kind);
            Assert.Equal(kind.DefaultLearningRate, o.LearningRate);
            Assert.Equal(kind.StateSlots, o.StateSlots);
        }
        Assert.Equal(0.01, OptimiserKind.AdamW.Create().WeightDecay);
        Assert.Equal(0.99, OptimiserKind.RmsProp.Create().Beta2);
        Assert.Contains($"unknown optimizer 'adadelta' (one of {string.Join(", ", OptimiserKind.All.Select(k => k.Id))})",
            OptimiserKind.Named("adadelta").Match(_ => "", e => e.Message));
    }

    [Theory]
    [MemberData(nameof(References))]
    public void Three_steps_match_pytorch(string name, double[] expected)
    {
        var w = ThreeSteps(ByName(name), [1, -2, 3]);
        for (var i = 0; i < 3; i++) Assert.True(Math.Abs(w[i] - expected[i]) < 1e-5, $"{name} w[{i}] = {w[i]}, expected {expected[i]}");
    }

    [Fact]
    public void AdamW_decays_before_the_adam_step_and_differs_from_l2()
    {
        var decoupled = OneStep(Optimiser.AdamW(1e-3, weightDecay: 0.01));
        var coupled = OneStep(Optimiser.Adam(1e-3, l2: 0.01));
        Assert.True(Math.Abs(decoupled - 0.99899000002) < 1e-7, $"AdamW: {decoupled:R}");
        Assert.True(Math.Abs(coupled - 0.99900000002) < 1e-7, $"Adam + L2: {coupled:R}");
    }

    static double OneStep(Optimiser o)
    {
        var net = Network.Build(Layers.Dense(1, useBias: false), 1).ThrowIfFail();
        var p = Params.From(net.Layout, [1f]).ThrowIfFail();
        return o.Update(Cpu, p, [0.5f], OptimiserState.Initial(o, 1)).Parameters.Values[0];
    }

    [Fact]
    public void Weight_decay_leaves_biases_alone()
    {
        var net = Network.Build(Layers.Dense(2), 2).ThrowIfFail();
        var p = Params.From(net.Layout, [1, 1, 1, 1, 5, 5]).ThrowIfFail();
        var o = Optimiser.Sgd(0.1, l2: 1);
        var (next, _) = o.Update(Cpu, p, new float[6], OptimiserState.Initial(o, 6));
        Assert.Equal([0.9f, 0.9f, 0.9f, 0.9f, 5f, 5f], next.ToArray());
    }

    [Fact]
    public void An_update_is_a_function_of_its_inputs_step_count_included()
    {
        var p = Start([1, -2, 3]);
        var o = Optimiser.Adam(0.1);
        var (once, s1) = o.Update(Cpu, p, [1f, 1f, 1f], OptimiserState.Initial(o, 3));
        var (again, s2) = o.Update(Cpu, p, [1f, 1f, 1f], OptimiserState.Initial(o, 3));
        Assert.Equal(once.ToArray(), again.ToArray());
        Assert.Equal(s1.Slots.ToArray(), s2.Slots.ToArray());
        Assert.Equal(1, s1.Step);
        // the same moments at a later step: the bias correction, and so the step taken, must differ
        var (later, _) = o.Update(Cpu, p, [1f, 1f, 1f], OptimiserState.Of(5, new float[6]));
        Assert.NotEqual(once.ToArray(), later.ToArray());
        // a second step continues from the first: its input is the first's output, not the original
        var (twice, _) = o.Update(Cpu, once, [1f, 1f, 1f], s1);
        Assert.True(twice.Values[0] < once.Values[0] && once.Values[0] < 1f);
    }
}
