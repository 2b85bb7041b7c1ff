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
}
