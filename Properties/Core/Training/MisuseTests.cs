using Pure.Properties.Support;

namespace Pure.Properties;

/// <summary>The compiled step and the optimiser refuse data, state and sizes that do not fit them.</summary>
public class MisuseTests
{
    static readonly CpuBackend<float> Cpu = TestBackends.Float;

    [Fact]
    public void Misuse_of_the_step_and_the_optimiser_is_refused()
    {
        var small = Network.Build(Layers.Dense(1), 2).ThrowIfFail();
        var wide = Network.Build(Layers.Dense(1), 3).ThrowIfFail();
        using var step = TrainingStep.Compile(small, Loss.BceWithLogits, Optimiser.Sgd(0.1), Cpu, 4).ThrowIfFail();
        using var other = TrainingStep.Compile(wide, Loss.BceWithLogits, Optimiser.Sgd(0.1), Cpu, 4).ThrowIfFail();
        using var data = other.Upload(Matrix.Zeros(4, 3), Matrix.Zeros(4, 1)).ThrowIfFail();
        var state = step.Start(small.Init(Rng.FromSeed(1)), Rng.FromSeed(2));
        Assert.Throws<ArgumentException>(() => step.Run(state, data, [0, 1]));
        var p = small.Init(Rng.FromSeed(1));
        Assert.Throws<ArgumentException>(() => Optimiser.WithMomentum(0.1).Update(Cpu, p, new float[3], OptimiserState.Initial(Optimiser.Adam(), 3)));
        var wideLayers = Network.Build(Layers.Serial(Layers.Dense(30_000), Layers.Relu, Layers.Dense(1)), 2).ThrowIfFail();
        Assert.True(TrainingStep.Compile(wideLayers, Loss.BceWithLogits, Optimiser.Sgd(0.1), Cpu, 60_000).IsFail, "a 60 000 × 30 000 workspace must be refused, not wrapped around");
        Assert.Contains("more than an array can hold", Network.Build(Layers.Dense(50_000), 50_000).Match(_ => "", e => e.Message));
    }

    /// <summary>A batch norm needs two rows to have a variance: a step of capacity 1 is refused (PyTorch raises too); a residual's norm counts.</summary>
    [Fact]
    public void A_batch_norm_network_refuses_batches_of_one_row()
    {
        var network = Network.Build(Layers.Serial(Layers.Dense(3), Layers.Residual(Layers.Serial(Layers.Dense(3), Layers.BatchNorm())), Layers.Dense(1)), 2).ThrowIfFail();
        Assert.Equal(2, network.Plan.MinimumTrainingRows);
        Assert.Contains("needs training batches of at least 2 rows", TrainingStep.Compile(network, Loss.BceWithLogits, Optimiser.Sgd(0.1), Cpu, 1).Match(_ => "", e => e.Message));
        Assert.True(TrainingStep.Compile(network, Loss.BceWithLogits, Optimiser.Sgd(0.1), Cpu, 2).IsSucc);
        Assert.Equal(1, Network.Build(Layers.Serial(Layers.Dense(3), Layers.LayerNorm()), 2).ThrowIfFail().Plan.MinimumTrainingRows);
    }

    /// <summary>Each 40 000² weight matrix fits an array, the three together do not: an error, not an overflow inside the layout.</summary>
    [Fact]
    public void A_network_whose_parameters_together_exceed_an_array_is_refused_when_built()
    {
        var result = Network.Build(Layers.Serial(Layers.Dense(40_000), Layers.Dense(40_000), Layers.Dense(40_000)), 2);
        Assert.Contains("has 3200200000 parameters; at most 2147483591 fit in one array", result.Match(_ => "", e => e.Message));
    }

    [Fact]
    public void The_memory_a_step_needs_counts_parameters_state_and_batches_without_overflow()
    {
        var network = Network.Build(Layers.Serial(Layers.Dense(3), Layers.Relu, Layers.Dense(2)), 4).ThrowIfFail(); // 15 + 8 = 23 parameters
        // Adam: parameters, gradients, decay mask and 2 moments; batch 10: inputs 4, targets, outputs and output gradient 2 each; the plan's workspace
        var workspace = network.Plan.WorkspaceLength(10);
        Assert.True(workspace > 0);
        Assert.Equal(4L * (23 * 5 + 10 * (4 + 3 * 2) + workspace), TrainingStep.BytesNeeded(network, Optimiser.Adam(), 10));
        Assert.Equal(4L * (23 * 3 + 10 * (4 + 3 * 2) + workspace), TrainingStep.BytesNeeded(network, Optimiser.Sgd(0.1), 10));
        var huge = Network.Build(Layers.Serial(Layers.Dense(30_000), Layers.Dropout(0.5), Layers.Dense(1)), 2).ThrowIfFail();
        Assert.True(TrainingStep.BytesNeeded(huge, Optimiser.Adam(), 1 << 20) > 4L * int.MaxValue);
    }
}
