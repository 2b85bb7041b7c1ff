using Pure.Properties.Support;


namespace Pure.Properties;

/// <summary>End-to-end learning: XOR, two moons, determinism and the allocation-free step.</summary>
public class TrainingProperties
{
    static readonly CpuBackend<float> Cpu = TestBackends.Float;

    static (Network Network, Params Params) Train(Layer layer, Dataset data, Loss loss, Optimiser optimiser, int epochs, int batch, long seed)
    {
        var model = Pure.Core.Training.Train.Fit(layer, data, loss, optimiser, epochs, batch, seed, Cpu).ThrowIfFail();
        return (model.Network, model.Params);
    }

    static double Accuracy(Network network, Params p, Loss loss, Dataset data) =>
        Metrics.Accuracy(Inference.Predict(Cpu, network, p, loss, data.Features).ThrowIfFail(), data.Targets);

    [Fact]
    public void Xor_with_sigmoid_units_and_plain_gradient_descent_is_learned_for_9_of_10_seeds()
    {
        var xor = Generators.Xor();
        var layer = Layers.Serial(Layers.Dense(4, Inits.Xavier), Layers.Sigmoid, Layers.Dense(1, Inits.Xavier), Layers.Sigmoid);
        var solved = Enumerable.Range(0, 10).Count(seed =>
        {
            var (net, p) = Train(layer, xor, Loss.BinaryCrossEntropy, Optimiser.Sgd(1.0), 2000, 4, seed);
            return Accuracy(net, p, Loss.BinaryCrossEntropy, xor) == 1.0;
        });
        Assert.True(solved >= 9, $"XOR solved for {solved} of 10 seeds");
    }

    [Fact]
    public void Xor_with_relu_units_and_adam_is_learned_for_9_of_10_seeds()
    {
        var xor = Generators.Xor();
        // He init with a small positive bias (0.01) so that no unit starts exactly at the kink for the (0, 0) input
        var layer = Layers.Serial(Layers.Dense(4, Inits.He, Inits.Constant(0.01)), Layers.Relu, Layers.Dense(1, Inits.Xavier), Layers.Sigmoid);
        var solved = Enumerable.Range(0, 10).Count(seed =>
        {
            var (net, p) = Train(layer, xor, Loss.BinaryCrossEntropy, Optimiser.Adam(0.01), 5000, 4, seed);
            return Accuracy(net, p, Loss.BinaryCrossEntropy, xor) == 1.0;
        });
        Assert.True(solved >= 9, $"XOR solved for {solved} of 10 seeds");
    }

    [Fact]
    public void Two_moons_reach_96_percent_on_held_out_data()
    {
        var (train, test) = Generators.Moons(500, 0.2, Rng.FromSeed(42)).Split(0.2, Rng.FromSeed(7));
        var layer = Layers.Serial(
            Layers.Dense(32, Inits.He), Layers.Relu, Layers.Dense(32, Inits.He), Layers.Relu,
            Layers.Dense(16, Inits.He), Layers.Relu, Layers.Dense(1));
        var (net, p) = Train(layer, train, Loss.BceWithLogits, Optimiser.Adam(0.01), 200, 32, 1);
        var accuracy = Accuracy(net, p, Loss.BceWithLogits, test);
        Assert.True(accuracy >= 0.96, $"held-out accuracy {accuracy:P2}");
    }

    [Fact]
    public void The_same_seed_gives_bit_identical_training()
    {
        var data = Generators.Moons(200, 0.2, Rng.FromSeed(3));
        var layer = Layers.Serial(Layers.Dense(16, Inits.He), Layers.Relu, Layers.Dropout(0.2), Layers.Dense(1));
        var (_, a) = Train(layer, data, Loss.BceWithLogits, Optimiser.AdamW(0.01), 20, 16, 5);
        var (_, b) = Train(layer, data, Loss.BceWithLogits, Optimiser.AdamW(0.01), 20, 16, 5);
        var (_, c) = Train(layer, data, Loss.BceWithLogits, Optimiser.AdamW(0.01), 20, 16, 6);
        Assert.Equal(a.ToArray(), b.ToArray());
        Assert.NotEqual(a.ToArray(), c.ToArray());
    }

    [Fact]
    public void A_steady_state_step_allocates_nothing()
    {
        var data = Generators.Spirals(100, 3, 0.2, Rng.FromSeed(1));
        var targets = OneHot.Encode(data.Targets.Span.ToArray().Select(v => (int)v).ToArray(), 3);
        var layer = Layers.Serial(Layers.Dense(32, Inits.He), Layers.Relu, Layers.Dropout(0.1), Layers.Dense(16), Layers.PRelu(), Layers.Dense(3));
        var network = Network.Build(layer, 2).ThrowIfFail();
        // a backend of its own: on the shared one, a test running beside it can make a product take the busy
        // path, which creates a spare packing buffer the first time (once per concurrent caller, not per step)
        using var backend = new CpuBackend<float>();
        using var step = TrainingStep.Compile(network, Loss.SoftmaxCrossEntropy, Optimiser.Adam(0.01), backend, 32).ThrowIfFail();
        using var device = step.Upload(data.Features, targets).ThrowIfFail();
        var state = step.Start(network.Init(Rng.FromSeed(1)), Rng.FromSeed(2));
        var rows = Enumerable.Range(0, 32).ToArray();
        for (var i = 0; i < 50; i++) (state, _) = step.Run(state, device, rows); // warm-up: tier-up, lazy statics
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++) (state, _) = step.Run(state, device, rows);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
    }

    /// <summary>The flagship shapes, class-indexed targets, products split over three threads: still nothing allocated per step.</summary>
    [Fact]
    public void A_steady_state_threaded_step_of_the_flagship_network_allocates_nothing()
    {
        var rng = Rng.FromSeed(8);
        var x = Matrix.Create(128, 784, rng, static (dst, r) => { for (var i = 0; i < dst.Length; i++) dst[i] = (float)r.Normal((ulong)i); });
        var labels = Enumerable.Range(0, 128).Select(i => i % 10).ToArray();
        var network = Network.Build(Layers.Serial(Layers.Dense(256, Inits.He), Layers.Relu, Layers.Dense(128, Inits.He), Layers.Relu, Layers.Dense(10)), 784).ThrowIfFail();
        // a backend of its own, as above
        using var backend = new CpuBackend<float>(3);
        using var step = TrainingStep.Compile(network, Loss.SoftmaxCrossEntropy, Optimiser.Adam(1e-3), backend, 64).ThrowIfFail();
        using var device = step.UploadClasses(x, labels).ThrowIfFail();
        var state = step.Start(network.Init(Rng.FromSeed(1)), Rng.FromSeed(2));
        var rows = Enumerable.Range(0, 64).ToArray();
        for (var i = 0; i < 20; i++) (state, _) = step.Run(state, device, rows);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 20; i++) (state, _) = step.Run(state, device, rows);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    /// <summary>
    /// The same seed on 1, 2 and 3 threads gives the same parameters, bit for bit: the products are split by
    /// output columns, never by a sum, and these shapes (64 × 256 × 784 and up) take the threaded path.
    /// </summary>
    [Fact]
    public void Training_gives_the_same_bits_on_one_two_and_three_threads()
    {
        var rng = Rng.FromSeed(9);
        var features = Matrix.Create(192, 784, rng, static (dst, r) => { for (var i = 0; i < dst.Length; i++) dst[i] = (float)r.Normal((ulong)i); });
        var data = Dataset.Create(features, OneHot.Encode(Enumerable.Range(0, 192).Select(i => i * 7 % 10).ToArray(), 10)).ThrowIfFail();
        var layer = Layers.Serial(Layers.Dense(256, Inits.He), Layers.Relu, Layers.Dropout(0.2), Layers.Dense(128, Inits.He), Layers.Relu, Layers.Dense(10));
        float[] Fit(CpuBackend<float> backend) =>
            Pure.Core.Training.Train.Fit(layer, data, Loss.SoftmaxCrossEntropy, Optimiser.Adam(1e-3), 2, 64, 4, backend).ThrowIfFail().Params.ToArray();
        using var two = new CpuBackend<float>(2);
        var one = Fit(TestBackends.Float);
        Assert.Equal(one, Fit(two));
        Assert.Equal(one, Fit(TestBackends.Threaded));
    }

    [Fact]
    public void A_consumed_state_cannot_be_used_again()
    {
        var xor = Generators.Xor();
        var network = Network.Build(Layers.Dense(1), 2).ThrowIfFail();
        using var step = TrainingStep.Compile(network, Loss.BceWithLogits, Optimiser.Sgd(0.1), Cpu, 4).ThrowIfFail();
        using var device = step.Upload(xor.Features, xor.Targets).ThrowIfFail();
        var first = step.Start(network.Init(Rng.FromSeed(1)), Rng.FromSeed(2));
        var (second, _) = step.Run(first, device, [0, 1, 2, 3]);
        Assert.Throws<InvalidOperationException>(() => step.Run(first, device, [0, 1, 2, 3]));
        Assert.Equal(1, second.Step);
    }

    [Fact]
    public void Training_lowers_the_loss_and_the_loss_matches_an_evaluation_pass()
    {
        var data = Generators.Moons(100, 0.1, Rng.FromSeed(2));
        var layer = Layers.Serial(Layers.Dense(8, Inits.He), Layers.Tanh, Layers.Dense(1));
        var network = Network.Build(layer, 2).ThrowIfFail();
        var initial = network.Init(Rng.FromSeed(4));
        using var step = TrainingStep.Compile(network, Loss.BceWithLogits, Optimiser.Sgd(0.5), Cpu, 100).ThrowIfFail();
        using var device = step.Upload(data.Features, data.Targets).ThrowIfFail();
        var state = step.Start(initial, Rng.FromSeed(1));
        var all = Enumerable.Range(0, 100).ToArray();
        (state, var firstLoss) = step.Run(state, device, all);
        var evaluated = Inference.Loss(Cpu, network, initial, Loss.BceWithLogits, data.Features, data.Targets).ThrowIfFail();
        Assert.Equal(evaluated, firstLoss, 1e-5);
        for (var i = 0; i < 200; i++) (state, _) = step.Run(state, device, all);
        var after = Inference.Loss(Cpu, network, step.Freeze(state), Loss.BceWithLogits, data.Features, data.Targets).ThrowIfFail();
        Assert.True(after < 0.5 * firstLoss, $"loss {firstLoss} → {after}");
    }
}
