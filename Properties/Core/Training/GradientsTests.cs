using Pure.Properties.Support;

namespace Pure.Properties;

public class GradientsTests
{
    static readonly CpuBackend<float> Cpu = TestBackends.Float;

    /// <summary>One full-batch SGD epoch moves the parameters by exactly −η times the gradient Gradients.OfLoss reports.</summary>
    [SeededProperty]
    public void One_sgd_step_moves_by_minus_rate_times_the_loss_gradient(Seed seed)
    {
        var data = Generators.Spirals(10, 3, 0.2, seed.Rng).OneHotTargets(3);
        var layer = Layers.Serial(Layers.Dense(6, Inits.He), Layers.Elu(), Layers.Dense(3));
        var network = Network.Build(layer, 2).ThrowIfFail();
        var theta = network.Init(seed.Rng.Fold(1));
        var grads = Gradients.OfLoss(Cpu, network, theta, Loss.SoftmaxCrossEntropy, data.Features, data.Targets).ThrowIfFail();
        var stepped = Train.Fit(network, theta, data, Loss.SoftmaxCrossEntropy, Optimiser.Sgd(0.5), 1, data.Rows, 0, Cpu).ThrowIfFail().Params;
        for (var i = 0; i < theta.Length; i++)
            Assert.Equal(theta.Values[i] - 0.5f * grads.ParameterGradients.Values[i], stepped.Values[i], 1e-6);
        Assert.Equal(Inference.Loss(Cpu, network, theta, Loss.SoftmaxCrossEntropy, data.Features, data.Targets).ThrowIfFail(), grads.Loss, 1e-6);
    }

    /// <summary>
    /// Issue 14's --clip-norm: one SGD step with clipping moves by −η·g·c/(‖g‖ + 10⁻⁶) when ‖g‖ is above c, and by
    /// exactly the unclipped step (bit for bit) when c is far above ‖g‖.
    /// </summary>
    [SeededProperty]
    public void One_clipped_sgd_step_moves_by_the_gradient_scaled_to_the_norm(Seed seed)
    {
        var data = Generators.Spirals(10, 3, 0.2, seed.Rng).OneHotTargets(3);
        var network = Network.Build(Layers.Serial(Layers.Dense(6, Inits.He), Layers.Tanh, Layers.Dense(3)), 2).ThrowIfFail();
        var theta = network.Init(seed.Rng.Fold(1));
        var g = Gradients.OfLoss(Cpu, network, theta, Loss.SoftmaxCrossEntropy, data.Features, data.Targets).ThrowIfFail().ParameterGradients.ToArray();
        var norm = Math.Sqrt(g.Sum(v => (double)v * v));
        var clip = norm * (0.1 + 0.8 * seed.Rng.Uniform(2));
        Params Step(double? c) => Train.Fit(network, theta, data, Loss.SoftmaxCrossEntropy, Optimiser.Sgd(0.5) with { ClipNorm = c }, 1, data.Rows, 0, Cpu).ThrowIfFail().Params;
        var clipped = Step(clip);
        var scale = clip / (norm + 1e-6);
        for (var i = 0; i < theta.Length; i++)
            Assert.Equal(theta.Values[i] - 0.5 * g[i] * scale, clipped.Values[i], 1e-6);
        Assert.Equal(Step(null).ToArray(), Step(1000 * norm).ToArray());
        Assert.NotEqual(Step(null).ToArray(), clipped.ToArray());
    }

    /// <summary>L1 (issue 16's playground): one SGD step moves the weights by −η·(g + λ₁·sign θ) and the biases by −η·g alone.</summary>
    [SeededProperty]
    public void One_sgd_step_with_l1_adds_lambda_times_the_sign_on_weights_only(Seed seed)
    {
        var data = Generators.Spirals(10, 3, 0.2, seed.Rng).OneHotTargets(3);
        var network = Network.Build(Layers.Serial(Layers.Dense(6, Inits.He, Inits.Normal(0.5)), Layers.Tanh, Layers.Dense(3)), 2).ThrowIfFail();
        var theta = network.Init(seed.Rng.Fold(1));
        var g = Gradients.OfLoss(Cpu, network, theta, Loss.SoftmaxCrossEntropy, data.Features, data.Targets).ThrowIfFail().ParameterGradients.ToArray();
        var stepped = Train.Fit(network, theta, data, Loss.SoftmaxCrossEntropy, Optimiser.Sgd(0.5) with { L1 = 0.1 }, 1, data.Rows, 0, Cpu).ThrowIfFail().Params;
        var mask = network.Layout.DecayMask();
        for (var i = 0; i < theta.Length; i++)
            Assert.Equal(theta.Values[i] - 0.5 * (g[i] + 0.1 * mask[i] * Math.Sign(theta.Values[i])), stepped.Values[i], 1e-6);
        Assert.True(TrainingStep.Compile(network, Loss.SoftmaxCrossEntropy, Optimiser.Sgd(0.5) with { L1 = -1 }, Cpu, 4).IsFail);
    }

    [Fact]
    public void The_input_gradient_of_a_class_score_is_that_row_of_a_linear_layer()
    {
        var network = Network.Build(Layers.Dense(3), 4).ThrowIfFail();
        var theta = network.Init(Rng.FromSeed(1));
        var x = Matrix.Zeros(1, 4);
        var vjp = Gradients.Of(Cpu, network, theta, x, o => OneHot.Encode([2], 3)).ThrowIfFail();
        var w = theta[network.Layout["weight"]].ToArray();
        Assert.Equal(w[8..12], vjp.InputGradient.ToArray());
    }
}

static class DatasetTestExtensions
{
    public static Dataset OneHotTargets(this Dataset d, int classes) =>
        Dataset.Create(d.Features, OneHot.Encode(d.Targets.Span.ToArray().Select(v => (int)v).ToArray(), classes)).ThrowIfFail();
}
