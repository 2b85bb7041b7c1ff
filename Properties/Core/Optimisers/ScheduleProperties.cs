using Pure.Properties.Support;

namespace Pure.Properties;

/// <summary>Learning-rate schedules: PyTorch's values, the warm-up, the bounds, and the rate the kernels receive.</summary>
public class ScheduleProperties
{
    static Schedule Make(ScheduleKind kind, int total, int warmup = 0, int every = 1, double gamma = 0.1) =>
        Schedule.Create(kind, total, warmup, every, gamma).ThrowIfFail();

    static double[] Factors(Schedule s, int steps) => Enumerable.Range(1, steps).Select(s.Factor).ToArray();

    /// <summary>
    /// PyTorch 1.13's lr over 10 steps at base rate 1 (CosineAnnealingLR T_max 10; OneCycleLR max_lr 1,
    /// cycle_momentum off; StepLR step_size 3, γ 0.1), read off its optimiser's param_groups before each step.
    /// </summary>
    public static TheoryData<string, double[]> PyTorch => new()
    {
        { "cosine", [1.0, 0.9755282581475768, 0.9045084971874737, 0.7938926261462366, 0.6545084971874737, 0.5, 0.34549150281252633, 0.2061073738537635, 0.09549150281252633, 0.024471741852423234] },
        { "onecycle", [0.040000000000000036, 0.52, 1.0, 0.9504846320134737, 0.8117456539497631, 0.6112620219362893, 0.38874197806371075, 0.18825834605023697, 0.049519367986526286, 4e-06] },
        { "step", [1.0, 1.0, 1.0, 0.1, 0.1, 0.1, 0.01, 0.01, 0.01, 0.001] },
    };

    [Theory]
    [MemberData(nameof(PyTorch))]
    public void Ten_steps_match_pytorch(string name, double[] expected)
    {
        var s = Make(ScheduleKind.Named(name).ThrowIfFail(), 10, every: 3);
        var actual = Factors(s, 10);
        for (var i = 0; i < 10; i++) Assert.Equal(expected[i], actual[i], 1e-12);
    }

    [Fact]
    public void The_warm_up_ramps_linearly_then_the_schedule_starts_at_its_full_rate()
    {
        var s = Make(ScheduleKind.Cosine, 14, warmup: 4);
        var f = Factors(s, 14);
        Assert.Equal([0.25, 0.5, 0.75, 1.0], f[..4]);
        // the cosine runs over the 10 steps after the warm-up: PyTorch's values above, shifted by 4
        Assert.Equal(1.0, f[4]);
        Assert.Equal(0.5, f[9], 1e-12);
        Assert.Equal(0.024471741852423234, f[13], 1e-12);
        Assert.Equal([0.5, 1.0, 1.0], Factors(Make(ScheduleKind.Constant, 0, warmup: 2), 3));
    }

    /// <summary>Every schedule's factor is in (0, 1]; steps past the horizon keep the last step's factor (cosine would rise again).</summary>
    [SeededProperty]
    public void Factors_lie_in_zero_one_and_hold_past_the_horizon(Seed seed)
    {
        var rng = seed.Rng;
        var kind = ScheduleKind.All[rng.Below(0, ScheduleKind.All.Count)];
        var total = 1 + rng.Below(1, 400);
        var warmup = kind == ScheduleKind.OneCycle ? 0 : rng.Below(2, total);
        var s = Make(kind, total, warmup, every: 1 + rng.Below(3, 50), gamma: 0.5 + 0.5 * rng.Uniform(4));
        foreach (var f in Factors(s, total)) Assert.InRange(f, double.Epsilon, 1.0);
        if (kind.NeedsLength) Assert.Equal(s.Factor(total), s.Factor(total + 1 + rng.Below(5, 1000)));
    }

    [Fact]
    public void A_constant_schedule_leaves_the_rate_exactly_as_given()
    {
        var o = Optimiser.Adam(0.0013);
        foreach (var t in new[] { 1, 2, 1000, int.MaxValue }) Assert.Equal(0.0013, o.Rule(t).LearningRate);
        Assert.Equal(o, o with { Schedule = Schedule.None });
    }

    /// <summary>SGD under a cosine schedule equals, step by step, SGD at the scheduled rate written out in double.</summary>
    [Fact]
    public void The_kernel_receives_the_scheduled_rate()
    {
        var schedule = Make(ScheduleKind.Cosine, 5, warmup: 1);
        var o = Optimiser.Sgd(0.1) with { Schedule = schedule };
        var net = Network.Build(Layers.Dense(3, Inits.Zeros, useBias: false), 1).ThrowIfFail();
        var p = Params.From(net.Layout, [1f, -2f, 3f]).ThrowIfFail();
        var state = OptimiserState.Initial(o, p.Length);
        double[] w = [1, -2, 3];
        for (var t = 1; t <= 5; t++)
        {
            var g = p.Values.ToArray().Select(v => v + 1).ToArray();
            (p, state) = o.Update(TestBackends.Float, p, g, state);
            for (var i = 0; i < 3; i++) w[i] -= 0.1 * schedule.Factor(t) * (w[i] + 1);
        }
        for (var i = 0; i < 3; i++) Assert.Equal(w[i], p.ToArray()[i], 1e-6);
        // and not the base rate: w₀ + 1 shrinks by 0.9 a step at 0.1, to 2·0.9⁵ − 1 ≈ 0.181 after five
        Assert.True(Math.Abs(p.ToArray()[0] - (2 * Math.Pow(0.9, 5) - 1)) > 0.05);
    }

    [Theory]
    [InlineData("cosine", 10, -1, 1, 0.1, "warm-up is -1")]
    [InlineData("cosine", 4, 4, 1, 0.1, "more steps than its warm-up")]
    [InlineData("onecycle", 0, 0, 1, 0.1, "more steps than its warm-up")]
    [InlineData("onecycle", 10, 2, 1, 0.1, "its own warm-up")]
    [InlineData("step", 10, 0, 0, 0.1, "period is 0")]
    [InlineData("step", 10, 0, 3, 0, "γ is 0")]
    [InlineData("step", 10, 0, 3, 1.5, "γ is 1.5")]
    [InlineData("step", 10, 0, 3, double.NaN, "γ is NaN")]
    public void Bad_numbers_are_errors_that_name_them(string kind, int total, int warmup, int every, double gamma, string expected)
    {
        var e = Schedule.Create(ScheduleKind.Named(kind).ThrowIfFail(), total, warmup, every, gamma);
        Assert.True(e.IsFail);
        Assert.Contains(expected, e.Match(_ => "", err => err.Message));
    }

    [Fact]
    public void Unknown_names_list_the_known_ones() =>
        Assert.Contains("constant, step, cosine, onecycle", ScheduleKind.Named("linear").Match(_ => "", e => e.Message));
}
