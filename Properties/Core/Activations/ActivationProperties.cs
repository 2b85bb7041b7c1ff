using Pure.Properties.Support;

namespace Pure.Properties;

/// <summary>Activation values, derivatives, laws and the reference table of DESIGN.md.</summary>
public class ActivationProperties
{
    static readonly double[] Xs = [-3, -2, -1, 0, 1, 2, 3];

    public static TheoryData<string, double[]> References => new()
    {
        { "gelu", [-0.004050, -0.045500, -0.158655, 0, 0.841345, 1.954500, 2.995950] },
        { "gelu-tanh", [-0.003637, -0.045402, -0.158808, 0, 0.841192, 1.954598, 2.996363] },
        { "silu", [-0.142278, -0.238406, -0.268941, 0, 0.731059, 1.761594, 2.857722] },
        { "elu(1)", [-0.950213, -0.864665, -0.632121, 0, 1, 2, 3] },
        { "softplus", [0.048587, 0.126928, 0.313262, 0.693147, 1.313262, 2.126928, 3.048587] },
        { "sigmoid", [0.047426, 0.119203, 0.268941, 0.5, 0.731059, 0.880797, 0.952574] },
        { "tanh", [-0.995055, -0.964028, -0.761594, 0, 0.761594, 0.964028, 0.995055] },
        { "leaky-relu(0.01)", [-0.03, -0.02, -0.01, 0, 1, 2, 3] },
        // z·tanh(softplus z) in float64 (math.tanh, math.log1p); PyTorch's mish(1) = 0.865098 agrees
        { "mish", [-0.145647, -0.252501, -0.303401, 0, 0.865098, 1.943959, 2.986535] },
        // z·relu6(z + 3)/6, PyTorch's Hardswish
        { "hard-swish", [0, -0.333333, -0.333333, 0, 0.666667, 1.666667, 3] },
    };

    static Activation ByName(string name) => Activation.All.Single(a => a.Name == name);

    [Theory]
    [MemberData(nameof(References))]
    public void Values_match_the_reference_table(string name, double[] expected)
    {
        var f = ByName(name);
        for (var i = 0; i < Xs.Length; i++) Assert.True(Math.Abs(f.Value(Xs[i]) - expected[i]) < 1e-5 + 5e-7, $"{name}({Xs[i]}) = {f.Value(Xs[i])}, reference {expected[i]}");
        // the float kernels, through the backend, agree too
        var kernel = new float[Xs.Length];
        var be = TestBackends.Float;
        var z = be.Allocate(Xs.Length).All;
        be.Upload(Xs.Select(v => (float)v).ToArray(), z);
        be.ActivationForward(f, z, z);
        be.Download(z, kernel);
        for (var i = 0; i < Xs.Length; i++) Assert.True(Math.Abs(kernel[i] - expected[i]) < 1e-5 + 5e-7, $"{name} kernel at {Xs[i]}: {kernel[i]}");
    }

    [SeededProperty]
    public void Every_derivative_equals_a_central_finite_difference(Seed seed)
    {
        var z = -6 + 12 * seed.Rng.Uniform(0);
        const double h = 1e-6;
        foreach (var f in Activation.All.Where(a => a != Activation.Step))
        {
            if (Math.Abs(z) < 1e-4 && f.Id is "relu" or "leaky-relu" or "elu") continue; // kink at 0
            var numeric = (f.Value(z + h) - f.Value(z - h)) / (2 * h);
            Assert.True(Math.Abs(numeric - f.Derivative(z)) <= 1e-7 * Math.Max(1, Math.Abs(numeric)),
                $"{f.Name}′({z}) = {f.Derivative(z)}, finite difference {numeric}");
        }
    }

    [Fact]
    public void Step_is_heaviside_with_h0_equal_1_and_zero_derivative()
    {
        Assert.Equal([0.0, 1, 1], new[] { -1e-9, 0, 5 }.Select(Activation.Step.Value));
        Assert.Equal(0, Activation.Step.Derivative(0));
    }

    [SeededProperty]
    public void Sigmoid_is_symmetric(Seed seed)
    {
        var x = -20 + 40 * seed.Rng.Uniform(0);
        Assert.Equal(1 - Activation.Sigmoid.Value(x), Activation.Sigmoid.Value(-x), 1e-12);
    }

    [SeededProperty]
    public void Tanh_is_a_rescaled_sigmoid(Seed seed)
    {
        var x = -10 + 20 * seed.Rng.Uniform(0);
        Assert.Equal(2 * Activation.Sigmoid.Value(2 * x) - 1, Activation.Tanh.Value(x), 1e-12);
    }

    [Fact]
    public void Sigmoid_and_softplus_are_stable_far_out()
    {
        var be = TestBackends.Float;
        float[] z = [-1e4f, -100, 100, 1e4f];
        foreach (var f in new[] { Activation.Sigmoid, Activation.Softplus, Activation.Silu, Activation.Elu(), Activation.Gelu, Activation.GeluTanh })
        {
            var (values, derivatives) = Kernel(be, f, z);
            Assert.All(values.Concat(derivatives), v => Assert.True(float.IsFinite(v), $"{f.Name}: {string.Join(", ", values)} / {string.Join(", ", derivatives)}"));
        }
        Assert.Equal(0, Activation.Sigmoid.Value(-1e4));
        Assert.Equal(1, Activation.Sigmoid.Value(1e4));
        Assert.Equal(1e4, Activation.Softplus.Value(1e4));
    }

    [Fact]
    public void Maximum_derivatives_are_a_quarter_for_sigmoid_and_one_for_tanh()
    {
        var grid = Enumerable.Range(-4000, 8001).Select(i => i / 1000.0).ToArray();
        Assert.Equal(0.25, grid.Max(Activation.Sigmoid.Derivative), 1e-12);
        Assert.Equal(1, grid.Max(Activation.Tanh.Derivative), 1e-12);
    }

    /// <summary>The backend's f(z) and f′(z) (backward with an upstream gradient of 1) for a vector z.</summary>
    static (T[] Values, T[] Derivatives) Kernel<T>(CpuBackend<T> be, Activation f, T[] z) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var (zb, ab, db) = (be.Allocate(z.Length).All, be.Allocate(z.Length).All, be.Allocate(z.Length).All);
        be.Upload(z, zb);
        be.ActivationForward(f, zb, ab);
        be.Fill(T.One, db);
        be.ActivationBackward(f, zb, ab, db, db);
        var (values, derivatives) = (new T[z.Length], new T[z.Length]);
        be.Download(ab, values);
        be.Download(db, derivatives);
        return (values, derivatives);
    }
}
