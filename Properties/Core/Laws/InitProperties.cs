using Pure.Properties.Support;

namespace Pure.Properties;

public class InitProperties
{
    [Theory]
    [InlineData(784, 256, 0.075955)]
    [InlineData(256, 128, 0.125)]
    [InlineData(128, 10, 0.208514)]
    public void Xavier_uniform_bounds(int fanIn, int fanOut, double bound) =>
        Assert.Equal(bound, Inits.Xavier.Bound(fanIn, fanOut), 1e-6);

    [Theory]
    [InlineData(784, 0.087482, 0.050508)]
    [InlineData(256, 0.153093, 0.088388)]
    [InlineData(128, 0.216506, 0.125)]
    public void He_bounds_and_standard_deviations(int fanIn, double uniformBound, double normalStd)
    {
        Assert.Equal(uniformBound, Inits.HeUniform().Bound(fanIn, 1), 1e-6);
        Assert.Equal(normalStd, Inits.He.StdDev(fanIn, 1), 1e-6);
    }

    public static TheoryData<string> Names => new(Inits.ByName.Keys);

    /// <summary>Sample variance of a 300×200 weight within 5 % of the formula (n = 60 000: the standard error is ~0.6 %).</summary>
    [Theory]
    [MemberData(nameof(Names))]
    public void Sample_variance_matches_the_formula(string name)
    {
        var init = Inits.ByName[name];
        var values = new double[300 * 200];
        init.Fill(Rng.FromSeed(5), 200, 300, values);
        var mean = values.Average();
        var variance = values.Select(v => (v - mean) * (v - mean)).Average();
        var expected = Math.Pow(init.StdDev(200, 300), 2);
        if (expected == 0) Assert.All(values, v => Assert.Equal(0, v));
        else
        {
            Assert.True(Math.Abs(variance / expected - 1) < 0.05, $"{name}: variance {variance}, formula {expected}");
            Assert.True(Math.Abs(mean) < 4 * Math.Sqrt(expected / values.Length), $"{name}: mean {mean}");
        }
    }

    [Fact]
    public void Uniform_initialisers_stay_inside_their_bound()
    {
        var values = new float[10_000];
        Inits.Xavier.Fill(Rng.FromSeed(1), 784, 256, values);
        var bound = (float)Inits.Xavier.Bound(784, 256);
        Assert.All(values, v => Assert.InRange(v, -bound, bound));
        Assert.True(values.Max() > 0.95f * bound && values.Min() < -0.95f * bound);
    }

    [Fact]
    public void Dense_has_m_times_n_plus_1_parameters_and_biases_start_at_the_given_constant()
    {
        var net = Network.Build(Layers.Serial(Layers.Dense(7, Inits.He, Inits.Constant(0.01)), Layers.Relu), 5).ThrowIfFail();
        Assert.Equal(7 * (5 + 1), net.Layout.Length);
        var p = net.Init(Rng.FromSeed(3));
        var bias = net.Layout["0.bias"];
        Assert.All(p[bias].ToArray(), b => Assert.Equal(0.01f, b));
        Assert.Equal((7, 5), (net.Layout["0.weight"].Rows, net.Layout["0.weight"].Cols));
    }

    [SeededProperty]
    public void The_same_seed_gives_the_same_parameters(Seed seed)
    {
        var net = Network.Build(Layers.Serial(Layers.Dense(8), Layers.Tanh, Layers.Dense(3, Inits.He)), 4).ThrowIfFail();
        Assert.Equal(net.Init(seed.Rng).ToArray(), net.Init(seed.Rng).ToArray());
        Assert.NotEqual(net.Init(seed.Rng).ToArray(), net.Init(seed.Rng.Fold(1)).ToArray());
    }
}
