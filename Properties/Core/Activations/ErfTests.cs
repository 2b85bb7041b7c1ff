
namespace Pure.Properties.Activations;

public class ErfTests
{
    const double Tol = 1e-15;

    static IEnumerable<double> Grid(double from, double to, double step)
    {
        int n = (int)Math.Round((to - from) / step);
        for (int i = 0; i <= n; i++) yield return from + i * step;
    }

    static void Close(double expected, double actual, double tol = Tol)
    {
        double err = Math.Abs(actual - expected);
        Assert.True(err <= tol || err <= tol * Math.Abs(expected),
            $"expected {expected:R}, got {actual:R} (error {err:R})");
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(0.5, 0.5204998778130465)]
    [InlineData(1.0, 0.8427007929497149)]
    [InlineData(2.0, 0.9953222650189527)]
    [InlineData(3.0, 0.9999779095030014)]
    [InlineData(-1.0, -0.8427007929497149)]
    [InlineData(0.1, 0.1124629160182849)]
    public void Erf_matches_known_values(double x, double expected) => Close(expected, Erf.Of(x));

    [Theory]
    [InlineData(1.0, 0.1572992070502851)]
    [InlineData(3.0, 2.209049699858544e-05)]
    [InlineData(5.0, 1.5374597944280349e-12)]
    [InlineData(-1.0, 1.8427007929497148)]
    public void Erfc_matches_known_values(double x, double expected) => Close(expected, Erf.Complement(x));

    [Fact]
    public void Erfc_of_10_is_relatively_accurate()
    {
        const double expected = 2.088487583762545e-45;
        double actual = Erf.Complement(10.0);
        Assert.True(Math.Abs(actual - expected) <= Tol * expected, $"expected {expected:R}, got {actual:R}");
    }

    [Fact]
    public void Erf_is_odd()
    {
        foreach (var x in Grid(-6, 6, 0.01))
            Assert.Equal(-Erf.Of(x), Erf.Of(-x));
    }

    [Fact]
    public void Erf_plus_erfc_is_one()
    {
        foreach (var x in Grid(-6, 6, 0.01))
            Close(1.0, Erf.Of(x) + Erf.Complement(x));
    }

    [Fact]
    public void Erf_is_monotone_increasing()
    {
        var xs = Grid(-6, 6, 0.01).ToArray();
        for (int i = 1; i < xs.Length; i++)
        {
            double a = Erf.Of(xs[i - 1]), b = Erf.Of(xs[i]);
            // Strictly increasing while the step is above an ulp of 1; erf rounds to ±1 near |x| = 6.
            if (Math.Abs(xs[i]) <= 5 && Math.Abs(xs[i - 1]) <= 5)
                Assert.True(b > a, $"erf({xs[i]:R}) = {b:R} is not above erf({xs[i - 1]:R}) = {a:R}");
            else
                Assert.True(b >= a, $"erf({xs[i]:R}) = {b:R} is below erf({xs[i - 1]:R}) = {a:R}");
        }
    }

    [Fact]
    public void Nan_gives_nan()
    {
        Assert.True(double.IsNaN(Erf.Of(double.NaN)));
        Assert.True(double.IsNaN(Erf.Complement(double.NaN)));
    }

    [Fact]
    public void Infinities_give_the_limits()
    {
        Assert.Equal(1.0, Erf.Of(double.PositiveInfinity));
        Assert.Equal(-1.0, Erf.Of(double.NegativeInfinity));
        Assert.Equal(0.0, Erf.Complement(double.PositiveInfinity));
        Assert.Equal(2.0, Erf.Complement(double.NegativeInfinity));
    }

    [Fact]
    public void Derivative_is_two_over_root_pi_times_gaussian()
    {
        const double h = 1e-5;
        foreach (var x in Grid(-4, 4, 0.05))
        {
            double numeric = (Erf.Of(x + h) - Erf.Of(x - h)) / (2 * h);
            double exact = 2 / Math.Sqrt(Math.PI) * Math.Exp(-x * x);
            Assert.True(Math.Abs(numeric - exact) <= 1e-7, $"at x = {x:R}: {numeric:R} vs {exact:R}");
        }
    }
}
