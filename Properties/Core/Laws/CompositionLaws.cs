using Pure.Properties.Support;

namespace Pure.Properties;

public class CompositionLaws
{
    static readonly CpuBackend<float> Cpu = TestBackends.Float;

    static Network Build(Layer layer, int width) => Network.Build(layer, width).ThrowIfFail();

    static Matrix Input(Rng rng, int rows, int cols) =>
        Matrix.Create(rows, cols, rng, static (dst, r) => r.FillNormal(0f, 1f, dst));

    static float[] Run(Network net, Params p, Matrix x) =>
        Inference.Forward(Cpu, net, p, x).ThrowIfFail().ToArray();

    /// <summary>
    /// Serial computes the composition of its parts as functions: on generated widths, parameters and inputs,
    /// (a ∘ b) ∘ c and a ∘ (b ∘ c) equal running a, then b, then c as separate networks, each on its own
    /// slice of the parameters (bit for bit: the same kernels see the same numbers).
    /// </summary>
    [SeededProperty]
    public void Serial_computes_the_composition_of_its_parts(Seed seed)
    {
        var rng = seed.Rng;
        var (inputs, hidden, outputs) = (1 + rng.Below(0, 6), 1 + rng.Below(1, 9), 1 + rng.Below(2, 5));
        var activation = Layers.Activation(Activation.All[rng.Below(3, Activation.All.Count)]);
        var (a, b, c) = (Layers.Dense(hidden, Inits.Normal(0.5), Inits.Normal(0.5)), activation, Layers.Dense(outputs, Inits.Normal(0.5), Inits.Normal(0.5)));
        var left = Build(a.Then(b).Then(c), inputs);
        var right = Build(a.Then(b.Then(c)), inputs);
        var p = left.Init(rng.Fold(4));
        var x = Input(rng.Fold(5), 1 + rng.Below(6, 7), inputs);

        var (na, nb, nc) = (Build(a, inputs), Build(b, hidden), Build(c, hidden));
        Params Slice(Network n, int offset) => Params.From(n.Layout, p.Values.Slice(offset, n.Layout.Length)).ThrowIfFail();
        var pa = Slice(na, 0);
        var pc = Slice(nc, na.Layout.Length + nb.Layout.Length);
        Matrix Apply(Network n, Params q, Matrix m) => Inference.Forward(Cpu, n, q, m).ThrowIfFail();
        var stepByStep = Apply(nc, pc, Apply(nb, Slice(nb, na.Layout.Length), Apply(na, pa, x))).ToArray();

        Assert.Equal(stepByStep, Run(left, p, x));
        Assert.Equal(stepByStep, Run(right, p, x));
    }

    [Fact]
    public void The_shift_operator_is_then()
    {
        var net = Build(Layers.Dense(4) >> Layers.Relu >> Layers.Dense(1), 2);
        Assert.Equal(["0.weight", "0.bias", "2.weight", "2.bias"], net.Layout.Segments.Select(s => s.Name));
    }

    /// <summary>Dense(W2)·Dense(W1) with no activation equals one Dense with W2·W1 and W2·b1 + b2: depth without nonlinearity collapses.</summary>
    [SeededProperty]
    public void Two_linear_layers_collapse_into_one(Seed seed)
    {
        var rng = seed.Rng;
        var (n, h, m) = (1 + rng.Below(0, 8), 1 + rng.Below(1, 8), 1 + rng.Below(2, 8));
        var deep = Build(Layers.Dense(h, Inits.Normal(1), Inits.Normal(1)).Then(Layers.Dense(m, Inits.Normal(1), Inits.Normal(1))), n);
        var p = deep.Init(rng);
        var w1 = p[deep.Layout["0.weight"]].ToArray();
        var b1 = p[deep.Layout["0.bias"]].ToArray();
        var w2 = p[deep.Layout["1.weight"]].ToArray();
        var b2 = p[deep.Layout["1.bias"]].ToArray();
        var w = new float[m * n];
        var b = new float[m];
        for (var i = 0; i < m; i++)
        {
            b[i] = b2[i];
            for (var k = 0; k < h; k++)
            {
                b[i] += w2[i * h + k] * b1[k];
                for (var j = 0; j < n; j++) w[i * n + j] += w2[i * h + k] * w1[k * n + j];
            }
        }
        var shallow = Build(Layers.Dense(m), n);
        var q = Params.From(shallow.Layout, [.. w, .. b]).ThrowIfFail();
        var x = Input(rng.Fold(9), 5, n);
        var (yd, ys) = (Run(deep, p, x), Run(shallow, q, x));
        for (var i = 0; i < yd.Length; i++) Assert.True(Math.Abs(yd[i] - ys[i]) < 1e-4 * (1 + Math.Abs(ys[i])), $"{yd[i]} vs {ys[i]}");
    }

    [Fact]
    public void A_width_mismatch_is_an_error_value_naming_the_layer()
    {
        var net = Build(Layers.Dense(3), 2);
        var error = Inference.Forward(Cpu, net, net.Init(Rng.FromSeed(1)), Matrix.Zeros(4, 5)).Match(_ => "", e => e.Message);
        Assert.Contains("5 features", error);
        Assert.Contains("expects 2", error);
        var bad = Network.Build(Layers.Serial(Layers.Dense(3), Layers.Relu, Layers.Dense(0)), 2).Match(_ => "", e => e.Message);
        Assert.Contains("layer 2 (dense(0))", bad);
        var dropout = Network.Build(Layers.Serial(Layers.Dense(3), Layers.Dropout(1.5)), 2).Match(_ => "", e => e.Message);
        Assert.Contains("layer 1 (dropout(1.5))", dropout);
    }

    [Fact]
    public void Dropout_is_the_identity_in_evaluation_and_inverted_in_training()
    {
        var net = Build(Layers.Dropout(0.5), 1000);
        var p = net.Init(Rng.FromSeed(1));
        var x = Matrix.Create(1, 1000, 0, static (dst, _) => dst.Fill(1f));
        Assert.Equal(x.ToArray(), Run(net, p, x));
        var train = GradientCheck.Forward(net.Plan, 1, [], Enumerable.Repeat(1.0, 1000).ToArray(), Rng.FromSeed(4), Mode.Train);
        Assert.All(train, v => Assert.True(v == 0 || v == 2));
        Assert.InRange(train.Count(v => v == 0), 430, 570);
    }
}
