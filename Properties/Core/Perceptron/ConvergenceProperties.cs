using Pure.Core.Data;
using Pure.Core.Perceptron;
using Pure.Properties.Support;
using static Pure.Properties.PerceptronExamples;

namespace Pure.Properties;

/// <summary>When the perceptron stops (Novikoff) and when it cannot (XOR, contradictory data, no bias).</summary>
public class ConvergenceProperties
{
    /// <summary>
    /// Novikoff (1962): from a zero start, on data a unit w̃* separates with margin γ*, the updates never exceed
    /// (R/γ*)², whatever η, label coding or row order. It follows that it converges within ⌈(R/γ*)²⌉ + 1 epochs
    /// (each epoch before the last makes at least one update); then the bound of the boundary it found holds too.
    /// </summary>
    [SeededProperty]
    public void Updates_never_exceed_the_novikoff_bound_of_a_planted_margin(Seed seed)
    {
        var rng = seed.Rng;
        var dims = 2 + rng.Below(0, 4);
        var rows = 10 + rng.Below(1, 51);
        var margin = 0.05 + 0.25 * rng.Uniform(2);
        var planted = SeparableData.WithMargin(rows, dims, margin, rng.Fold(3));
        var bound = Math.Pow(Separability.Radius(planted.Data) / margin, 2);
        var r = Train(planted.Data, ZeroStartOptions(rng.Fold(4), (int)Math.Ceiling(bound) + 1));

        Assert.True(r.Converged, $"no convergence in {r.Epochs} epochs ({dims} dims, {rows} rows, γ* = {margin})");
        Assert.True(r.Updates <= bound, $"{r.Updates} updates > (R/γ*)² = {bound}");
        Assert.Equal(r.Updates, r.ErrorsPerEpoch.Sum());
        Assert.Equal(1, r.AccuracyPerEpoch[^1], 1e-12);
        Assert.True(r.Cycle.IsNone);
        var found = r.Separation.IfNone(() => throw new Exception("a converged run reports its separation"));
        Assert.True(found.Margin >= 0);
        Assert.True(r.Updates <= found.Bound, $"{r.Updates} updates > (R/γ)² = {found.Bound} of the boundary found");
    }

    [Theory]
    [InlineData("and", PerceptronLabels.ZeroOne)]
    [InlineData("or", PerceptronLabels.ZeroOne)]
    [InlineData("nand", PerceptronLabels.ZeroOne)]
    [InlineData("nor", PerceptronLabels.ZeroOne)]
    [InlineData("and", PerceptronLabels.PlusMinusOne)]
    [InlineData("or", PerceptronLabels.PlusMinusOne)]
    [InlineData("nand", PerceptronLabels.PlusMinusOne)]
    [InlineData("nor", PerceptronLabels.PlusMinusOne)]
    public void The_separable_gates_converge(string gate, PerceptronLabels labels)
    {
        var data = Gate(gate);
        var r = Train(data, PerceptronOptions.Default with { Labels = labels });
        Assert.True(r.Converged);
        for (var i = 0; i < data.Rows; i++) Assert.Equal((int)data.Targets[i, 0], r.Predict(data.Features.Row(i)));
        // The gates' widest margin is 1/√17 (AND, NAND) or 1/3 (OR, NOR) with R = √3: at most 51 updates.
        Assert.True(r.Updates <= 51);
    }

    [SeededProperty]
    public void The_gates_converge_from_any_start_in_any_order(Seed seed)
    {
        var rng = seed.Rng;
        var gate = new[] { "and", "or", "nand", "nor" }[rng.Below(0, 4)];
        var r = Train(Gate(gate), AnyOptions(rng.Fold(1), 1000));
        Assert.True(r.Converged, $"{gate} did not converge: {r.Options}");
    }

    [SeededProperty]
    public void Xor_never_converges(Seed seed)
    {
        var r = Train(Generators.Xor(), AnyOptions(seed.Rng, 200));
        Assert.False(r.Converged);
        Assert.True(r.Separation.IsNone);
        Assert.Equal(200, r.Epochs);
        Assert.All(r.ErrorsPerEpoch, e => Assert.True(e >= 1));
        Assert.All(r.AccuracyPerEpoch, a => Assert.True(a <= 0.75));
    }

    /// <summary>In exact arithmetic (0/1 inputs, η = 1 or ½) the XOR run returns to earlier weights, and that is reported.</summary>
    [Theory]
    [InlineData(1.0, PerceptronLabels.ZeroOne)]
    [InlineData(0.5, PerceptronLabels.PlusMinusOne)]
    public void Xor_cycles_and_the_cycle_is_real(double eta, PerceptronLabels labels)
    {
        var options = PerceptronOptions.Default with { LearningRate = eta, Labels = labels };
        var r = Train(Generators.Xor(), options);
        var cycle = r.Cycle.IfNone(() => throw new Exception("no cycle found on XOR"));
        Assert.True(cycle.Period >= 1);
        Assert.Equal(State(cycle.SameAsEpoch), State(cycle.Epoch));
        Assert.All(r.ErrorsPerEpoch.Skip(cycle.SameAsEpoch).Take(cycle.Period), e => Assert.True(e >= 1));

        // The weights and bias after this many epochs (the zero start before the first).
        double[] State(int epochs) => epochs == 0
            ? [0, 0, 0]
            : Train(Generators.Xor(), options with { MaxEpochs = epochs }) is var p ? [.. p.Weights, p.Bias] : [];
    }

    [SeededProperty]
    public void Data_with_one_point_in_both_classes_never_converge(Seed seed)
    {
        var rng = seed.Rng;
        var planted = SeparableData.WithMargin(5 + rng.Below(0, 40), 2 + rng.Below(1, 4), 0.05 + 0.2 * rng.Uniform(2), rng.Fold(3));
        var data = WithConflict(planted.Data);
        var r = Train(data, AnyOptions(rng.Fold(4), 30));
        Assert.False(r.Converged);
        Assert.All(r.ErrorsPerEpoch, e => Assert.True(e >= 1));
        Assert.All(r.AccuracyPerEpoch, a => Assert.True(a < 1));
    }

    /// <summary>
    /// Without a bias the boundary w·x = 0 passes through the origin, and H(0) = 1 puts (0, 0) in class 1 for every w:
    /// AND labels it 0, so every epoch has a mistake there — and its update ηyx̃ adds nothing, since x̃ = 0.
    /// </summary>
    [Theory]
    [InlineData(PerceptronLabels.ZeroOne)]
    [InlineData(PerceptronLabels.PlusMinusOne)]
    public void Without_a_bias_and_is_never_learned_and_with_one_it_is(PerceptronLabels labels)
    {
        var options = PerceptronOptions.Default with { Labels = labels };
        var free = Train(Generators.And(), options with { UseBias = false });
        Assert.False(free.Converged);
        Assert.Equal(100, free.Epochs);
        Assert.All(free.ErrorsPerEpoch, e => Assert.True(e >= 1));
        Assert.Equal(0, free.Net([0, 0]));
        Assert.Equal(1, free.Predict([0, 0]));
        Assert.True(Train(Generators.And(), options).Converged);
    }

    [SeededProperty]
    public void Without_a_bias_the_origin_is_misclassified_from_any_start(Seed seed)
    {
        var r = Train(Generators.And(), AnyOptions(seed.Rng, 50) with { UseBias = false });
        Assert.False(r.Converged);
        Assert.Equal(1, r.Predict([0, 0]));
        Assert.All(r.AccuracyPerEpoch, a => Assert.True(a <= 0.75));
    }
}
