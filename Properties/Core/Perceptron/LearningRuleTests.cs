using Pure.Core.Data;
using Pure.Core.Perceptron;
using Pure.Core.Tensors;
using Pure.Properties.Support;
using static Pure.Properties.PerceptronExamples;

namespace Pure.Properties;

/// <summary>Rosenblatt's rule pinned by hand-computed runs, and the laws that tie its variants together.</summary>
public class LearningRuleTests
{
    static readonly PerceptronOptions Classic = PerceptronOptions.Default;

    [Fact]
    public void The_step_is_one_at_zero()
    {
        Assert.Equal(1, Perceptron.Step(0));
        Assert.Equal(1, Perceptron.Step(-0.0));
        Assert.Equal(1, Perceptron.Step(1e-300));
        Assert.Equal(0, Perceptron.Step(-1e-300));
    }

    /// <summary>
    /// AND from zeros, η = 1, rows (0,0)→0, (0,1)→0, (1,0)→0, (1,1)→1. Epoch 1: (0,0) gives z = 0, ŷ = H(0) = 1, so
    /// b ← 0 + (0 − 1) = −1; (0,1) and (1,0) give z = −1, right; (1,1) gives z = −1, ŷ = 0, so w ← (1, 1), b ← 0.
    /// </summary>
    [Fact]
    public void One_epoch_on_and_by_hand()
    {
        var r = Train(Generators.And(), Classic with { MaxEpochs = 1 });
        Assert.Equal([1.0, 1.0], r.Weights);
        Assert.Equal(0, r.Bias, 1e-12);
        Assert.Equal([2], r.ErrorsPerEpoch);
        Assert.Equal(2, r.Updates);
        Assert.Equal(0.25, r.AccuracyPerEpoch[0], 1e-12); // (1,1)·(x) + 0 ≥ 0 everywhere: only (1,1) is right
        Assert.False(r.Converged);
    }

    /// <summary>
    /// Continuing by hand: epoch 2 ends at w = (2, 1), b = −1 (3 mistakes); epoch 3 at (2, 1), −2 (3); epoch 4 at
    /// (2, 2), −2 (2); epoch 5 at (2, 1), −3 (1: (0,1) with z = 0); epoch 6 makes none.
    /// </summary>
    [Fact]
    public void And_converges_at_epoch_six_after_eleven_updates()
    {
        var r = Train(Generators.And(), Classic);
        Assert.Equal([2.0, 1.0], r.Weights);
        Assert.Equal(-3, r.Bias, 1e-12);
        Assert.Equal([2, 3, 3, 2, 1, 0], r.ErrorsPerEpoch);
        double[] accuracy = [0.25, 0.5, 0.75, 0.5, 1, 1];
        for (var e = 0; e < accuracy.Length; e++) Assert.Equal(accuracy[e], r.AccuracyPerEpoch[e], 1e-12);
        Assert.Equal(11, r.Updates);
        Assert.Equal(6, r.ConvergedAtEpoch.IfNone(-1));
        Assert.True(r.Cycle.IsNone);
        Assert.Equal("2·x1 + 1·x2 − 3 = 0", r.Boundary);
        Assert.Equal("2·a + 1·b − 3 = 0", r.BoundaryOver(["a", "b"]));
    }

    /// <summary>
    /// Two rows, η = ½: (2, −1)→1 is right at z = 0 (H(0) = 1); (1, 3)→0 is wrong at z = 0, so w ← −½·(1, 3) =
    /// (−0.5, −1.5), b ← −0.5. In epoch 2 the first row lands exactly on the boundary, z = −1 + 1.5 − 0.5 = 0, and H(0) = 1
    /// keeps it right: no mistake, converged.
    /// </summary>
    [Fact]
    public void A_fractional_step_by_hand_and_a_point_on_the_boundary_counts_as_class_one()
    {
        var data = Of([[2, -1], [1, 3]], [1, 0]);
        var r = Train(data, Classic with { LearningRate = 0.5 });
        Assert.Equal([-0.5, -1.5], r.Weights);
        Assert.Equal(-0.5, r.Bias, 1e-12);
        Assert.Equal([1, 0], r.ErrorsPerEpoch);
        Assert.Equal(2, r.ConvergedAtEpoch.IfNone(-1));
        Assert.Equal(0, r.Net([2, -1]), 1e-12);
        Assert.Equal(1, r.Predict([2, -1]));
        Assert.Equal(0, r.Predict([1, 3]));
        Assert.Equal("−0.5·x1 − 1.5·x2 − 0.5 = 0", r.Boundary);
    }

    /// <summary>On a mistake y − ŷ (labels 0/1) equals y coded ±1, so the two textbook forms take identical steps.</summary>
    [SeededProperty]
    public void The_zero_one_and_plus_minus_one_rules_trace_the_same_run(Seed seed)
    {
        var rng = seed.Rng;
        var data = SeparableData.WithMargin(5 + rng.Below(0, 30), 1 + rng.Below(1, 4), 0.02 + 0.2 * rng.Uniform(2), rng.Fold(3)).Data;
        var options = AnyOptions(rng.Fold(4), 40);
        var a = Train(data, options with { Labels = PerceptronLabels.ZeroOne });
        var b = Train(data, options with { Labels = PerceptronLabels.PlusMinusOne });
        Assert.Equal(a.Weights, b.Weights);
        Assert.Equal(a.Bias, b.Bias);
        Assert.Equal(a.ErrorsPerEpoch, b.ErrorsPerEpoch);
    }

    /// <summary>From zero the weights are η times a sum of ±x̃, so η only scales them: the same mistakes for every η (exact for powers of two).</summary>
    [SeededProperty]
    public void From_zero_the_learning_rate_only_scales_the_weights(Seed seed)
    {
        var rng = seed.Rng;
        var data = SeparableData.WithMargin(5 + rng.Below(0, 30), 1 + rng.Below(1, 4), 0.02 + 0.2 * rng.Uniform(2), rng.Fold(3)).Data;
        var eta = new[] { 0.125, 0.5, 2, 8 }[rng.Below(4, 4)];
        var one = Train(data, Classic with { MaxEpochs = 40 });
        var scaled = Train(data, Classic with { MaxEpochs = 40, LearningRate = eta });
        Assert.Equal(one.ErrorsPerEpoch, scaled.ErrorsPerEpoch);
        Assert.Equal(one.Weights.Select(w => w * eta), scaled.Weights);
        Assert.Equal(one.Bias * eta, scaled.Bias);
    }

    [Fact]
    public void Without_a_bias_the_bias_stays_zero_and_the_boundary_has_no_constant()
    {
        var r = Train(Of([[1, 0], [0, 1]], [1, 0]), Classic with { UseBias = false, Start = PerceptronStart.Random(Rng.FromSeed(1)) });
        Assert.Equal(0, r.Bias);
        Assert.DoesNotContain("+ 0 =", r.Boundary);
        Assert.Matches(@"^−?[0-9.e+−-]+·x1 [+−] [0-9.e+−-]+·x2 = 0$", r.Boundary);
    }

    [SeededProperty]
    public void A_seeded_start_is_deterministic_and_the_seed_matters(Seed seed)
    {
        var rng = seed.Rng;
        var data = SeparableData.WithMargin(20, 3, 0.1, rng.Fold(1)).Data;
        var options = Classic with { LearningRate = 0.1, Start = PerceptronStart.Random(rng.Fold(2)), ShuffleEachEpoch = rng.Fold(3) };
        var a = Train(data, options);
        var b = Train(data, options);
        Assert.Equal(a.Weights, b.Weights);
        Assert.Equal(a.Bias, b.Bias);
        Assert.Equal(a.ErrorsPerEpoch, b.ErrorsPerEpoch);
        var first = Train(data, options with { MaxEpochs = 1, ShuffleEachEpoch = default });
        var other = Train(data, options with { MaxEpochs = 1, ShuffleEachEpoch = default, Start = PerceptronStart.Random(rng.Fold(4)) });
        Assert.NotEqual(first.Weights.Append(first.Bias), other.Weights.Append(other.Bias));
    }
}
