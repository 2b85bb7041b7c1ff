using Pure.Core.Backends;
using Pure.Properties.Support;

namespace Pure.Properties;

/// <summary>The GEMM against a naive triple loop, for every transpose case, α, β and awkward sizes.</summary>
public class GemmProperties
{
    static readonly CpuBackend<float> Cpu = new();

    [SeededProperty]
    public void Gemm_equals_the_naive_product_for_every_transpose(Seed seed)
    {
        var rng = seed.Rng;
        var be = new CpuBackend<double>();
        var (m, n, k) = (1 + rng.Below(0, 17), 1 + rng.Below(1, 17), 1 + rng.Below(2, 17));
        var (alpha, beta) = (rng.Uniform(3) * 3 - 1.5, new[] { 0.0, 1.0, 0.25 }[rng.Below(4, 3)]);
        foreach (var (ta, tb) in new[] { (Transpose.No, Transpose.No), (Transpose.No, Transpose.Yes), (Transpose.Yes, Transpose.No), (Transpose.Yes, Transpose.Yes) })
        {
            var a = GradientCheck.Random(rng.Fold(1), m * k, 1);
            var b = GradientCheck.Random(rng.Fold(2), k * n, 1);
            var c0 = GradientCheck.Random(rng.Fold(3), m * n, 1);
            double A(int i, int p) => ta == Transpose.No ? a[i * k + p] : a[p * m + i];
            double B(int p, int j) => tb == Transpose.No ? b[p * n + j] : b[j * k + p];
            var expected = new double[m * n];
            for (var i = 0; i < m; i++)
                for (var j = 0; j < n; j++)
                {
                    var sum = 0.0;
                    for (var p = 0; p < k; p++) sum += A(i, p) * B(p, j);
                    expected[i * n + j] = alpha * sum + (beta == 0 ? 0 : beta * c0[i * n + j]);
                }
            var (ab, bb, cb) = (be.Allocate(a.Length).All, be.Allocate(b.Length).All, be.Allocate(c0.Length).All);
            be.Upload(a, ab);
            be.Upload(b, bb);
            be.Upload(beta == 0 ? c0.Select(_ => double.NaN).ToArray() : c0, cb); // β = 0 must ignore C, NaN included
            be.Gemm(ta, tb, m, n, k, alpha, ab, bb, beta, cb);
            var c = new double[m * n];
            be.Download(cb, c);
            for (var i = 0; i < c.Length; i++) Assert.True(Math.Abs(c[i] - expected[i]) < 1e-12, $"{ta}{tb} {m}×{n}×{k} α {alpha} β {beta}: [{i}] {c[i]} vs {expected[i]}");
        }
    }

    [Fact]
    public void Names_and_messages_do_not_depend_on_the_culture()
    {
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.Equal("dropout(0.5)", Layers.Dropout(0.5).Name);
            Assert.Equal("leaky-relu(0.01)", Activation.LeakyRelu().Name);
            Assert.Equal("normal(0.01)", Inits.Normal(0.01).Name);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Misuse_of_the_step_and_the_optimiser_is_refused()
    {
        var cpu = new CpuBackend<float>();
        var small = Network.Build(Layers.Dense(1), 2).Match(n => n, e => throw new Exception(e.Message));
        var wide = Network.Build(Layers.Dense(1), 3).Match(n => n, e => throw new Exception(e.Message));
        using var step = TrainingStep.Compile(small, Loss.BceWithLogits, Optimiser.Sgd(0.1), cpu, 4).Match(s => s, e => throw new Exception(e.Message));
        using var other = TrainingStep.Compile(wide, Loss.BceWithLogits, Optimiser.Sgd(0.1), cpu, 4).Match(s => s, e => throw new Exception(e.Message));
        using var data = other.Upload(Matrix.Zeros(4, 3), Matrix.Zeros(4, 1)).Match(d => d, e => throw new Exception(e.Message));
        var state = step.Start(small.Init(Rng.FromSeed(1)), Rng.FromSeed(2));
        Assert.Throws<ArgumentException>(() => step.Run(state, data, [0, 1]));
        var p = small.Init(Rng.FromSeed(1));
        Assert.Throws<ArgumentException>(() => Optimiser.WithMomentum(0.1).Update(Cpu, p, new float[3], OptimiserState.Initial(Optimiser.Adam(), 3)));
        var wideLayers = Network.Build(Layers.Serial(Layers.Dense(30_000), Layers.Relu, Layers.Dense(1)), 2).Match(n => n, e => throw new Exception(e.Message));
        Assert.True(TrainingStep.Compile(wideLayers, Loss.BceWithLogits, Optimiser.Sgd(0.1), cpu, 60_000).IsFail, "a 60 000 × 30 000 workspace must be refused, not wrapped around");
        Assert.Contains("more than an array can hold", Network.Build(Layers.Dense(50_000), 50_000).Match(_ => "", e => e.Message));
    }
}
