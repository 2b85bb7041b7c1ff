using Pure.Core.Backends;
using Pure.Properties.Support;

namespace Pure.Properties;

/// <summary>
/// Issue 13: the same runs on the CPU and on OpenCL (PoCL in CI) — every activation, every loss, every optimiser,
/// with dropout — give the same losses epoch by epoch and the same parameters, within float rounding; two moons
/// reach the same accuracy.
/// </summary>
[Trait("Category", "OpenCl")]
public class OpenClTrainingTests
{
    public static TheoryData<int> Runs => [.. Enumerable.Range(0, Activation.All.Count)];

    /// <summary>The epochs' losses, then the parameters followed by the layers' state (running statistics), at the end.</summary>
    static (double[] Losses, float[] Params) Run(IBackend<float> backend, Layer layer, Dataset data, Loss loss, Optimiser optimiser, int epochs)
    {
        var network = Network.Build(layer, data.InputWidth).ThrowIfFail();
        using var step = TrainingStep.Compile(network, loss, optimiser, backend, 16).ThrowIfFail();
        using var device = step.Upload(data.Features, data.Targets).ThrowIfFail();
        var keys = TrainingKeys.FromSeed(4);
        var run = TrainingRun.Start(step, device, network.Init(keys.Init), keys).ThrowIfFail();
        var losses = Enumerable.Range(0, epochs).Select(_ => run.NextEpoch().Match(l => l, e => throw new InvalidOperationException($"{backend.Name}: {e.Message}"))).ToArray();
        return (losses, [.. run.Parameters().ToArray(), .. run.State().ToArray()]);
    }

    /// <summary>Run i: activation i of the catalogue, optimiser i mod 7, loss i mod 4, dropout on every other run; 20 epochs of 4 steps.</summary>
    [OpenClTheory]
    [MemberData(nameof(Runs))]
    public void A_run_on_opencl_follows_the_cpu_run(int i)
    {
        var f = Activation.All[i];
        var loss = Loss.All[i % Loss.All.Count];
        var optimiser = OptimiserKind.All[i % OptimiserKind.All.Count].Create(0.01);
        var rng = Rng.FromSeed(100 + i);
        var blobs = Generators.Blobs(60, 3, 1.0, rng);
        var x = Standardiser.Fit(blobs.Features).Apply(blobs.Features); // as pure train does: an identity network on raw blobs diverges under SGD
        var (data, outputs) = loss == Loss.SoftmaxCrossEntropy
            ? (Dataset.Create(x, OneHot.Encode(blobs.Targets.Span.ToArray().Select(v => (int)v).ToArray(), 3)).ThrowIfFail(), 3)
            : (Dataset.Create(x, Matrix.Column(blobs.Targets.Span.ToArray().Select(v => v > 0 ? 1f : 0f).ToArray())).ThrowIfFail(), 1);
        Layer head = loss == Loss.BinaryCrossEntropy ? Layers.Serial(Layers.Dense(outputs), Layers.Sigmoid) : Layers.Dense(outputs);
        var layer = Layers.Serial([Layers.Dense(12), Layers.Activation(f), .. i % 2 == 0 ? new[] { Layers.Dropout(0.2) } : [], Layers.Dense(8), Layers.Activation(f), head]);
        var (cpuLosses, cpuParams) = Run(TestBackends.Float, layer, data, loss, optimiser, 20);
        var (clLosses, clParams) = Run(OpenClFixture.Backend, layer, data, loss, optimiser, 20);
        var what = $"{f} / {loss} / {optimiser.Kind} on {OpenClFixture.Backend.Device.Name}";
        for (var e = 0; e < cpuLosses.Length; e++)
            Assert.True(Math.Abs(clLosses[e] - cpuLosses[e]) <= 1e-3 * Math.Abs(cpuLosses[e]) + 1e-5, $"{what}: epoch {e + 1} loss {clLosses[e]:R}, the CPU's {cpuLosses[e]:R}");
        var scale = cpuParams.Max(Math.Abs);
        for (var p = 0; p < cpuParams.Length; p++)
            Assert.True(Math.Abs(clParams[p] - cpuParams[p]) <= 1e-3 * scale, $"{what}: parameter {p} is {clParams[p]:R}, the CPU's {cpuParams[p]:R}");
    }

    /// <summary>Issue 14's layers on the device: residual blocks, layer and batch norms (running statistics included) and clipping follow the CPU run.</summary>
    [OpenClFact]
    public void A_deep_run_with_norms_residual_blocks_and_clipping_follows_the_cpu_run()
    {
        var blobs = Generators.Blobs(60, 3, 1.0, Rng.FromSeed(14));
        var data = Dataset.Create(Standardiser.Fit(blobs.Features).Apply(blobs.Features),
            OneHot.Encode(blobs.Targets.Span.ToArray().Select(v => (int)v).ToArray(), 3)).ThrowIfFail();
        Layer Block() => Layers.Residual(Layers.Serial(Layers.Dense(12), Layers.LayerNorm(), Layers.Tanh, Layers.Dense(12)));
        // no bias right before a batch norm: its gradient is 0 up to rounding, and Adam would turn each device's rounding into steps of full size
        var layer = Layers.Serial(Layers.Dense(12, useBias: false), Layers.BatchNorm(), Layers.Relu, Block(), Block(), Layers.Dropout(0.1),
            Layers.Residual(Layers.Dense(5, useBias: false), project: true), Layers.BatchNorm(), Layers.Dense(3));
        var optimiser = Optimiser.Adam(0.01) with { ClipNorm = 0.5 };
        var (cpuLosses, cpuParams) = Run(TestBackends.Float, layer, data, Loss.SoftmaxCrossEntropy, optimiser, 20);
        var (clLosses, clParams) = Run(OpenClFixture.Backend, layer, data, Loss.SoftmaxCrossEntropy, optimiser, 20);
        for (var e = 0; e < cpuLosses.Length; e++)
            Assert.True(Math.Abs(clLosses[e] - cpuLosses[e]) <= 1e-3 * Math.Abs(cpuLosses[e]) + 1e-5, $"epoch {e + 1} loss {clLosses[e]:R}, the CPU's {cpuLosses[e]:R}");
        var scale = cpuParams.Max(Math.Abs);
        for (var p = 0; p < cpuParams.Length; p++)
            Assert.True(Math.Abs(clParams[p] - cpuParams[p]) <= 1e-3 * scale, $"parameter {p} is {clParams[p]:R}, the CPU's {cpuParams[p]:R}");
    }

    [OpenClFact]
    public void Two_moons_reach_the_cpus_accuracy()
    {
        var data = Generators.Moons(400, 0.2, Rng.FromSeed(8));
        var layer = Layers.Serial(Layers.Dense(32, Inits.He), Layers.Relu, Layers.Dense(32, Inits.He), Layers.Relu, Layers.Dense(16, Inits.He), Layers.Relu, Layers.Dense(1));
        double Accuracy(IBackend<float> backend)
        {
            var model = Pure.Core.Training.Train.Fit(layer, data, Loss.BceWithLogits, Optimiser.Adam(0.01), 60, 32, 2, backend).ThrowIfFail();
            return Metrics.Accuracy(Inference.Predict(backend, model.Network, model.Params, Loss.BceWithLogits, data.Features).ThrowIfFail(), data.Targets);
        }
        var (cpu, cl) = (Accuracy(TestBackends.Float), Accuracy(OpenClFixture.Backend));
        Assert.True(cpu >= 0.95, $"the CPU reached {cpu:P1}");
        Assert.True(Math.Abs(cl - cpu) <= 0.01, $"OpenCL reached {cl:P1}, the CPU {cpu:P1}");
    }
}
