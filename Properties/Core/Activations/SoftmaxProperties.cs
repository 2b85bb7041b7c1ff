using Pure.Properties.Support;

namespace Pure.Properties;

public class SoftmaxProperties
{
    [Theory]
    [InlineData(0.5, 0.863777, 0.116900, 0.019323)]
    [InlineData(1.0, 0.659001, 0.242433, 0.098566)]
    [InlineData(2.0, 0.501688, 0.304289, 0.194023)]
    public void Temperature_matches_the_correct_values(double t, double p0, double p1, double p2)
    {
        var p = Softmax.Of<double>([2, 1, 0.1], t);
        Assert.Equal(p0, p[0], 1e-5);
        Assert.Equal(p1, p[1], 1e-5);
        Assert.Equal(p2, p[2], 1e-5);
    }

    [SeededProperty]
    public void Rows_sum_to_one_and_ignore_a_constant_shift(Seed seed)
    {
        var rng = seed.Rng;
        var z = GradientCheck.Random(rng, 1 + rng.Below(0, 12), 20);
        var shift = -500 + 1000 * rng.Uniform(1);
        var t = 0.1 + 4 * rng.Uniform(2);
        var p = Softmax.Of<double>(z, t);
        var q = Softmax.Of<double>(z.Select(v => v + shift).ToArray(), t);
        Assert.Equal(1, p.Sum(), 1e-12);
        for (var i = 0; i < p.Length; i++) Assert.Equal(p[i], q[i], 1e-10);
    }

    [Fact]
    public void Huge_logits_do_not_overflow()
    {
        Assert.Equal([0.5f, 0.5f], Softmax.Of<float>([1000, 1000], 1));
        var log = new double[3];
        Softmax.LogApply<double>([1000, 1001, 1002], log);
        Assert.Equal(-2.407606, log[0], 1e-6);
        Assert.Equal(-1.407606, log[1], 1e-6);
        Assert.Equal(-0.407606, log[2], 1e-6);
    }

    [Fact]
    public void The_spam_neuron_fires_with_probability_0_802()
    {
        // σ(0.01·150 + 0.9·1 − 1) = σ(1.4): the tutorial's 0.73 is wrong
        Assert.Equal(0.802184, Activation.Sigmoid.Value(0.01 * 150 + 0.9 * 1 - 1), 1e-6);
    }
}
