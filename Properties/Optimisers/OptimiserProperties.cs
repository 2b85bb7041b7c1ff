
namespace Pure.Properties;

/// <summary>Three steps on f(w) = ½‖w‖² + Σw (∇f = w + 1) from w = (1, −2, 3), lr 0.1, PyTorch semantics (DESIGN.md).</summary>
public class OptimiserProperties
{
    static readonly CpuBackend<float> Cpu = new();

    /// <summary>A network with exactly three weights (no bias) stands in for w.</summary>
    static Params Start(float[] w)
    {
        var net = Network.Build(Layers.Dense(3, Inits.Zeros, useBias: false), 1).Match(n => n, e => throw new Exception(e.Message));
        return Params.From(net.Layout, w).Match(p => p, e => throw new Exception(e.Message));
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
    };

    static Optimiser ByName(string name) => name switch
    {
        "adam" => Optimiser.Adam(0.1),
        "adamw" => Optimiser.AdamW(0.1, weightDecay: 0.1),
        "momentum" => Optimiser.WithMomentum(0.1, 0.9),
        "nesterov" => Optimiser.Nesterov(0.1, 0.9),
        _ => Optimiser.Sgd(0.1),
    };

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
        var net = Network.Build(Layers.Dense(1, useBias: false), 1).Match(n => n, e => throw new Exception(e.Message));
        var p = Params.From(net.Layout, [1f]).Match(x => x, e => throw new Exception(e.Message));
        return o.Update(Cpu, p, [0.5f], OptimiserState.Initial(o, 1)).Parameters.Values[0];
    }

    [Fact]
    public void Weight_decay_leaves_biases_alone()
    {
        var net = Network.Build(Layers.Dense(2), 2).Match(n => n, e => throw new Exception(e.Message));
        var p = Params.From(net.Layout, [1, 1, 1, 1, 5, 5]).Match(x => x, e => throw new Exception(e.Message));
        var o = Optimiser.Sgd(0.1, l2: 1);
        var (next, _) = o.Update(Cpu, p, new float[6], OptimiserState.Initial(o, 6));
        Assert.Equal([0.9f, 0.9f, 0.9f, 0.9f, 5f, 5f], next.ToArray());
    }

    [Fact]
    public void Updates_are_pure_the_inputs_do_not_change()
    {
        var p = Start([1, -2, 3]);
        var o = Optimiser.Adam(0.1);
        var s = OptimiserState.Initial(o, 3);
        var (next, state) = o.Update(Cpu, p, [1f, 1f, 1f], s);
        Assert.Equal([1f, -2f, 3f], p.ToArray());
        Assert.All(s.Slots.ToArray(), v => Assert.Equal(0f, v));
        Assert.NotEqual(p.ToArray(), next.ToArray());
        Assert.Equal(1, state.Step);
    }
}
