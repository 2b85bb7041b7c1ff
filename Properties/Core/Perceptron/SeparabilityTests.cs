using Pure.Core.Data;
using Pure.Core.Perceptron;
using Pure.Core.Tensors;
using Pure.Properties.Support;
using static Pure.Properties.PerceptronExamples;

namespace Pure.Properties;

/// <summary>R, γ and the widest margin by hand on the gates, and the planted-margin generator's promise.</summary>
public class SeparabilityTests
{
    static double Margin(Dataset data, double[] w, double b, bool useBias = true) =>
        Separability.Margin(data, w, b, useBias).ThrowIfFail();

    [Fact]
    public void The_radius_of_the_gates_is_root_three_with_a_bias_and_root_two_without()
    {
        Assert.Equal(Math.Sqrt(3), Separability.Radius(Generators.And()), 1e-12);
        Assert.Equal(Math.Sqrt(2), Separability.Radius(Generators.And(), useBias: false), 1e-12);
    }

    /// <summary>
    /// For AND and w̃ = (2, 2, −3): y·(w·x + b) is 3, 1, 1, 1 on the four rows and ‖w̃‖ = √17, so γ = 1/√17. The
    /// perceptron's own (2, 1, −3) puts (1, 1) exactly on the line: γ = 0. Any line fails XOR somewhere: γ ≤ 0.
    /// </summary>
    [Fact]
    public void Margins_by_hand()
    {
        var and = Generators.And();
        Assert.Equal(1 / Math.Sqrt(17), Margin(and, [2, 2], -3), 1e-12);
        Assert.Equal(0, Margin(and, [2, 1], -3), 1e-12);
        Assert.Equal(-1 / Math.Sqrt(2), Margin(and, [1, 1], 0, useBias: false), 1e-12); // (0,0) is at 0; (0,1) is on the wrong side at 1/√2
        Assert.Equal(0, Margin(and, [0, 0], 0));
        Assert.True(Margin(Generators.Xor(), [1, 1], -0.5) <= 0);
        var bound = Separability.Measure(and, [2, 2], -3).ThrowIfFail();
        Assert.Equal(51, bound.Bound, 1e-9); // (√3·√17)²
        Assert.True(double.IsPositiveInfinity(new NovikoffBound(1, 0).Bound));
    }

    /// <summary>
    /// The widest margin for AND in the augmented space: minimise ‖w̃‖² subject to yᵢw̃·x̃ᵢ ≥ 1. By symmetry
    /// w = (a, a); the constraints −b ≥ 1, −(a + b) ≥ 1 and 2a + b ≥ 1 leave 2a² + b² smallest at a = 2, b = −3
    /// (both of the last two active), so γ* = 1/√17 and (R/γ*)² = 51. OR: (2, 2, −1), γ* = 1/3, bound 27.
    /// </summary>
    [Theory]
    [InlineData("and", 2, 2, -3)]
    [InlineData("or", 2, 2, -1)]
    [InlineData("nand", -2, -2, 3)]
    [InlineData("nor", -2, -2, 1)]
    public void The_widest_margin_of_the_gates_by_hand(string gate, double w1, double w2, double b)
    {
        var plane = Separability.WidestMargin(Gate(gate)).ThrowIfFail();
        Assert.Equal(w1, plane.Weights[0], 1e-6);
        Assert.Equal(w2, plane.Weights[1], 1e-6);
        Assert.Equal(b, plane.Bias, 1e-6);
    }

    [Fact]
    public void The_widest_margin_on_xor_does_not_separate()
    {
        var plane = Separability.WidestMargin(Generators.Xor(), sweeps: 200).ThrowIfFail();
        Assert.True(Margin(Generators.Xor(), [.. plane.Weights], plane.Bias) <= 0);
    }

    [SeededProperty]
    public void Planted_data_keep_their_margin_and_the_widest_margin_is_at_least_as_wide(Seed seed)
    {
        var rng = seed.Rng;
        var (rows, dims, margin) = (1 + rng.Below(0, 60), 1 + rng.Below(1, 6), 0.01 + 0.5 * rng.Uniform(2));
        var planted = SeparableData.WithMargin(rows, dims, margin, rng.Fold(3));
        Assert.Equal((rows, dims, 1), (planted.Data.Rows, planted.Data.InputWidth, planted.Data.TargetWidth));
        Assert.Equal(1, Math.Sqrt(planted.Weights.Sum(w => w * w) + planted.Bias * planted.Bias), 1e-12);
        Assert.Equal(margin, planted.Margin);
        for (var i = 0; i < rows; i++)
        {
            var y = planted.Data.Targets[i, 0] == 1 ? 1 : -1;
            Assert.True(y * Perceptron.Net(planted.Weights, planted.Bias, planted.Data.Features.Row(i)) >= margin, $"row {i} inside the band");
        }
        Assert.True(Margin(planted.Data, [.. planted.Weights], planted.Bias) >= margin);
        Assert.Equal(planted.Data, SeparableData.WithMargin(rows, dims, margin, rng.Fold(3)).Data);

        var widest = Separability.WidestMargin(planted.Data).ThrowIfFail();
        Assert.True(Margin(planted.Data, [.. widest.Weights], widest.Bias) >= margin * (1 - 1e-6));
    }

    [Fact]
    public void Bad_arguments_to_the_generator_throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SeparableData.WithMargin(0, 2, 0.1, Rng.FromSeed(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => SeparableData.WithMargin(5, 0, 0.1, Rng.FromSeed(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => SeparableData.WithMargin(5, 2, 0, Rng.FromSeed(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => SeparableData.WithMargin(5, 2, double.NaN, Rng.FromSeed(1)));
    }

    [Fact]
    public void Margins_refuse_a_wrong_weight_count_and_labels_other_than_zero_and_one()
    {
        Assert.Contains("3 weights for 2 input columns", Separability.Margin(Generators.And(), [1, 2, 3], 0).Match(_ => "", e => e.Message));
        var three = Of([[0], [1]], [0, 2]);
        Assert.Contains("label 2", Separability.Margin(three, [1], 0).Match(_ => "", e => e.Message));
        Assert.True(Separability.WidestMargin(three).IsFail);
    }
}
