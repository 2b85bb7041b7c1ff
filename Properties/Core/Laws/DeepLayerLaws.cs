using Pure.Properties.Support;

namespace Pure.Properties;

/// <summary>Issue 14: the laws of the layers that make deep networks trainable, on generated shapes.</summary>
public class DeepLayerLaws
{
    static readonly CpuBackend<float> Cpu = TestBackends.Float;

    static Matrix Input(Rng rng, int rows, int cols, float scale = 1f, float shift = 0f) =>
        Matrix.Create(rows, cols, rng, (dst, r) => r.FillNormal(shift, scale, dst));

    /// <summary>Residual(f) with f's last dense layer at zero (weights and bias) is the identity, bit for bit.</summary>
    [SeededProperty]
    public void A_residual_block_whose_last_dense_is_zero_is_the_identity(Seed seed)
    {
        var rng = seed.Rng;
        var (width, hidden, rows) = (1 + rng.Below(0, 16), 1 + rng.Below(1, 16), 1 + rng.Below(2, 8));
        var f = Layers.Serial(Layers.Dense(hidden, Inits.Normal(1), Inits.Normal(1)), Layers.Tanh, Layers.Dense(width, Inits.Zeros, Inits.Zeros));
        var net = Network.Build(Layers.Residual(f), width).ThrowIfFail();
        var x = Input(rng.Fold(1), rows, width, 3f);
        Assert.Equal(x.ToArray(), Inference.Forward(Cpu, net, net.Init(rng.Fold(2)), x).ThrowIfFail().ToArray());
    }

    [SeededProperty]
    public void A_residual_block_adds_its_input_to_its_body(Seed seed)
    {
        var rng = seed.Rng;
        var (width, rows) = (1 + rng.Below(0, 16), 1 + rng.Below(2, 8));
        var f = Layers.Serial(Layers.Dense(width, Inits.Normal(1), Inits.Normal(1)), Layers.Sigmoid);
        var (block, body) = (Network.Build(Layers.Residual(f), width).ThrowIfFail(), Network.Build(f, width).ThrowIfFail());
        var p = block.Init(rng.Fold(1));
        var x = Input(rng.Fold(2), rows, width);
        var fx = Inference.Forward(Cpu, body, Params.From(body.Layout, p.Values).ThrowIfFail(), x).ThrowIfFail().ToArray();
        Assert.Equal(x.ToArray().Select((v, i) => v + fx[i]), Inference.Forward(Cpu, block, p, x).ThrowIfFail().ToArray());
        Assert.Equal(["body.0.weight", "body.0.bias"], block.Layout.Segments.Select(s => s.Name));
    }

    [Fact]
    public void A_residual_block_that_changes_the_width_is_an_error_naming_it_unless_projected()
    {
        var f = Layers.Serial(Layers.Dense(3), Layers.Relu);
        var error = Network.Build(Layers.Serial(Layers.Dense(5), Layers.Residual(f)), 2).Match(_ => "", e => e.Message);
        Assert.Contains("layer 1 (residual(dense(3) → relu))", error);
        Assert.Contains("f maps width 5 to 3", error);
        Assert.Contains("project: true", error);
        var projected = Network.Build(Layers.Residual(f, project: true), 5).ThrowIfFail();
        Assert.Equal(3, projected.OutputWidth);
        Assert.Equal(["body.0.weight", "body.0.bias", "skip.weight"], projected.Layout.Segments.Select(s => s.Name));
        Assert.Equal(5 * 3 + 3 + 5 * 3, projected.Layout.Length);
    }

    /// <summary>With γ = 1 and β = 0 (as it starts) every row of a layer norm's output has mean 0 and variance σ²/(σ² + ε) ≈ 1.</summary>
    [SeededProperty]
    public void LayerNorm_rows_have_mean_zero_and_unit_variance_before_the_affine_map(Seed seed)
    {
        var rng = seed.Rng;
        var (width, rows) = (2 + rng.Below(0, 63), 1 + rng.Below(1, 8));
        var net = Network.Build(Layers.LayerNorm(), width).ThrowIfFail();
        var x = Input(rng.Fold(1), rows, width, (float)(0.5 + 5 * rng.Uniform(2)), (float)(20 * rng.Uniform(3) - 10));
        var y = Inference.Forward(Cpu, net, net.Init(rng), x).ThrowIfFail();
        for (var r = 0; r < rows; r++)
        {
            var row = x.Row(r).ToArray().Select(v => (double)v).ToArray();
            var mu = row.Average();
            var variance = row.Average(v => (v - mu) * (v - mu));
            var outRow = y.Row(r).ToArray().Select(v => (double)v).ToArray();
            var outMean = outRow.Average();
            // float rounding of x − μ is about ε_float·max|x| before the division by √(σ² + ε): a row of nearly equal
            // values far from 0 is ill-conditioned, and the bound says so instead of failing on it
            var rounding = 4 * 1.2e-7 * row.Max(Math.Abs) / Math.Sqrt(variance + 1e-5);
            Assert.True(Math.Abs(outMean) < 1e-5 + rounding, $"row {r}: mean {outMean} (rounding bound {rounding:G3})");
            Assert.True(Math.Abs(outRow.Average(v => (v - outMean) * (v - outMean)) - variance / (variance + 1e-5)) < 1e-4 + 4 * rounding, $"row {r}: variance of the output");
        }
    }

    /// <summary>Clipping never increases the global norm, brings a large one down to c, and leaves a small gradient as it is.</summary>
    [SeededProperty]
    public void Clipping_never_increases_the_norm_and_leaves_a_small_gradient_unchanged(Seed seed)
    {
        var rng = seed.Rng;
        var n = 1 + rng.Below(0, 300);
        var g = new float[n];
        rng.Fold(1).FillNormal(0f, (float)Math.Pow(10, 4 * rng.Uniform(2) - 2), g);
        var clip = Math.Pow(10, 4 * rng.Uniform(3) - 2);
        double Norm(float[] v) => Math.Sqrt(v.Sum(x => (double)x * x));
        using var buffer = Cpu.Allocate(n);
        Cpu.Upload(g, buffer.All);
        Cpu.ClipByGlobalNorm(buffer.All, (float)clip);
        var after = new float[n];
        Cpu.Download(buffer.All, after);
        Assert.True(Norm(after) <= Norm(g) * (1 + 1e-6), $"norm {Norm(g)} became {Norm(after)}");
        if (Norm(g) + 1e-6 <= (float)clip) Assert.Equal(g, after);
        else Assert.True(Math.Abs(Norm(after) - clip) <= 1e-5 * clip + 1e-6, $"norm {Norm(g)} clipped to {clip} is {Norm(after)}");
    }

    /// <summary>In evaluation a batch norm is the affine map of its running statistics: y = (x − μ̂)/√(σ̂² + ε)·γ + β, the same for any batch.</summary>
    [SeededProperty]
    public void BatchNorm_in_evaluation_is_the_affine_map_of_its_running_statistics(Seed seed)
    {
        var rng = seed.Rng;
        var (width, rows) = (1 + rng.Below(0, 16), 1 + rng.Below(1, 8));
        var net = Network.Build(Layers.BatchNorm(), width).ThrowIfFail();
        var theta = new float[2 * width];
        rng.Fold(1).FillNormal(0f, 1f, theta);
        var stats = new float[2 * width];
        rng.Fold(2).FillNormal(0f, 2f, stats.AsSpan(0, width));
        for (var c = 0; c < width; c++) stats[width + c] = (float)(0.1 + 3 * rng.Uniform((ulong)(10 + c)));
        var p = Params.From(net.Layout, theta).ThrowIfFail();
        var state = LayerState.From(net.StateLayout, stats).ThrowIfFail();
        var x = Input(rng.Fold(3), rows, width, 2f, 1f);
        var y = Inference.Forward(Cpu, net, p, x, state).ThrowIfFail();
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < width; c++)
            {
                var expected = (x.Row(r)[c] - (double)stats[c]) / Math.Sqrt(stats[width + c] + 1e-5) * theta[c] + theta[width + c];
                Assert.True(Math.Abs(y.Row(r)[c] - expected) <= 1e-5 * (1 + Math.Abs(expected)), $"[{r}, {c}]: {y.Row(r)[c]}, expected {expected}");
            }
        // each row alone gives the same: evaluation does not look at the batch
        var first = Inference.Forward(Cpu, net, p, Matrix.From(1, width, x.Row(0).ToArray()).ThrowIfFail(), state).ThrowIfFail();
        Assert.Equal(y.Row(0).ToArray(), first.Row(0).ToArray());
        Assert.Equal(["0.running_mean", "0.running_var"], Network.Build(Layers.Serial(Layers.BatchNorm()), width).ThrowIfFail().StateLayout.Segments.Select(s => s.Name));
        Assert.Equal(["weight", "bias"], net.Layout.Segments.Select(s => s.Name));
    }

    /// <summary>Training moves a batch norm's running statistics and nothing else of its state; the optimiser never touches them (they have no gradient, no decay).</summary>
    [Fact]
    public void Training_moves_the_running_statistics_and_the_model_keeps_them()
    {
        var data = Generators.Moons(64, 0.1, Rng.FromSeed(3));
        var layer = Layers.Serial(Layers.Dense(8, Inits.He), Layers.BatchNorm(), Layers.Relu, Layers.Dense(1));
        var model = Pure.Core.Training.Train.Fit(layer, data, Loss.BceWithLogits, Optimiser.AdamW(0.01), 3, 16, 1, Cpu).ThrowIfFail();
        var initial = model.Network.InitialState().ToArray();
        Assert.Equal(16, model.Network.StateLayout.Length);
        Assert.NotEqual(initial, model.State.ToArray());
        Assert.All(model.State.ToArray().AsSpan(8, 8).ToArray(), v => Assert.True(v > 0));
        // the prediction uses the kept statistics: with the initial ones it differs
        var kept = model.Predict(data.Features).ThrowIfFail().ToArray();
        var fresh = (model with { State = model.Network.InitialState() }).Predict(data.Features).ThrowIfFail().ToArray();
        Assert.NotEqual(kept, fresh);
        Assert.Equal(kept, Inference.Predict(Cpu, model.Network, model.Params, Loss.BceWithLogits, data.Features, model.State).ThrowIfFail().ToArray());
    }
}
