using Pure.Properties.Support;

namespace Pure.Properties;

/// <summary>The one epoch loop: its evaluation on uploaded data, its keys, and its agreement with Train.Fit.</summary>
public class TrainingRunTests
{
    static readonly CpuBackend<float> Cpu = TestBackends.Float;

    static (TrainingStep Step, DeviceDataset Train, DeviceDataset Held, Dataset HeldData, Network Network) Setup(Loss loss, int classes, int batch, Rng rng)
    {
        var blobs = Generators.Blobs(90, classes, 3.0, rng);
        var data = classes == 2 ? Generators.Moons(90, 0.3, rng)
            : Dataset.Create(blobs.Features, OneHot.Encode(blobs.Targets.Span.ToArray().Select(v => (int)v).ToArray(), classes)).ThrowIfFail();
        var (train, held) = data.Split(0.3, rng.Fold(1));
        var network = Network.Build(Layers.Serial(Layers.Dense(6, Inits.He), Layers.Relu, Layers.Dropout(0.2), Layers.Dense(data.Targets.Cols)), data.InputWidth).ThrowIfFail();
        var step = TrainingStep.Compile(network, loss, Optimiser.Adam(0.05), Cpu, batch).ThrowIfFail();
        return (step, step.Upload(train.Features, train.Targets).ThrowIfFail(), step.Upload(held.Features, held.Targets).ThrowIfFail(), held, network);
    }

    /// <summary>The per-epoch figures computed on the backend equal a host evaluation of the same parameters.</summary>
    [SeededProperty]
    public void Evaluation_on_uploaded_data_equals_the_host_evaluation(Seed seed)
    {
        var rng = seed.Rng;
        var classes = 2 + rng.Below(0, 3);
        var loss = classes == 2 ? Loss.BceWithLogits : Loss.SoftmaxCrossEntropy;
        var (step, train, held, heldData, network) = Setup(loss, classes, 1 + rng.Below(1, 40), rng.Fold(2));
        using (step) using (train) using (held)
        {
            var run = TrainingRun.Start(step, train, network.Init(rng.Fold(3)), new TrainingKeys(rng.Fold(4))).ThrowIfFail();
            for (var epoch = 0; epoch < 3; epoch++)
            {
                run.NextEpoch();
                var onDevice = run.Evaluate(held);
                var (predictions, hostLoss) = Inference.Evaluate(Cpu, network, run.Parameters(), loss, heldData.Features, heldData.Targets).ThrowIfFail();
                Assert.Equal(hostLoss, onDevice.Loss, 1e-6);
                Assert.Equal(Metrics.Accuracy(predictions, heldData.Targets), onDevice.Accuracy);
            }
        }
    }

    /// <summary>
    /// Class-indexed targets (one number per row, one-hot a batch at a time) train and evaluate exactly as the
    /// same targets uploaded one-hot: the same losses, evaluations and parameters, bit for bit.
    /// </summary>
    [SeededProperty]
    public void Class_indexed_targets_train_exactly_as_their_one_hot_rows(Seed seed)
    {
        var rng = seed.Rng;
        var classes = 3 + rng.Below(0, 5);
        var blobs = Generators.Blobs(60 + rng.Below(0, 40), classes, 3.0, rng.Fold(1));
        var labels = blobs.Targets.Span.ToArray().Select(v => (int)v).ToArray();
        var network = Network.Build(Layers.Serial(Layers.Dense(5, Inits.He), Layers.Relu, Layers.Dropout(0.2), Layers.Dense(classes)), blobs.InputWidth).ThrowIfFail();
        var batch = 1 + rng.Below(0, 40);
        using var denseStep = TrainingStep.Compile(network, Loss.SoftmaxCrossEntropy, Optimiser.Adam(0.05), Cpu, batch).ThrowIfFail();
        using var indexStep = TrainingStep.Compile(network, Loss.SoftmaxCrossEntropy, Optimiser.Adam(0.05), Cpu, batch).ThrowIfFail();
        using var dense = denseStep.Upload(blobs.Features, OneHot.Encode(labels, classes)).ThrowIfFail();
        using var indexed = indexStep.UploadClasses(blobs.Features, labels).ThrowIfFail();
        Assert.True(indexed.ClassIndexed);
        Assert.Equal(classes, indexed.TargetWidth);
        var keys = new TrainingKeys(rng.Fold(2));
        var init = network.Init(rng.Fold(3));
        var (a, b) = (TrainingRun.Start(denseStep, dense, init, keys).ThrowIfFail(), TrainingRun.Start(indexStep, indexed, init, keys).ThrowIfFail());
        for (var epoch = 0; epoch < 3; epoch++)
        {
            Assert.Equal(a.NextEpoch().ThrowIfFail(), b.NextEpoch().ThrowIfFail());
            Assert.Equal(a.Evaluate(dense), b.Evaluate(indexed));
        }
        Assert.Equal(a.Parameters().ToArray(), b.Parameters().ToArray());
    }

    [Fact]
    public void Class_indices_outside_the_outputs_or_without_softmax_cross_entropy_are_refused()
    {
        var network = Network.Build(Layers.Dense(3), 2).ThrowIfFail();
        var x = Matrix.From(2, 2, [0, 1, 2, 3]).ThrowIfFail();
        using var step = TrainingStep.Compile(network, Loss.SoftmaxCrossEntropy, Optimiser.Sgd(0.1), Cpu, 2).ThrowIfFail();
        Assert.Contains("class index 3 is outside 0…2", step.UploadClasses(x, [0, 3]).Match(_ => "", e => e.Message));
        Assert.Contains("features have 2 rows, class indices 1", step.UploadClasses(x, [0]).Match(_ => "", e => e.Message));
        using var mse = TrainingStep.Compile(network, Loss.Mse, Optimiser.Sgd(0.1), Cpu, 2).ThrowIfFail();
        Assert.Contains("go with softmax cross-entropy", mse.UploadClasses(x, [0, 1]).Match(_ => "", e => e.Message));
    }

    [Fact]
    public void Regression_has_a_loss_and_no_accuracy()
    {
        var data = Generators.Sine(40, Rng.FromSeed(1));
        var network = Network.Build(Layers.Serial(Layers.Dense(4), Layers.Tanh, Layers.Dense(1)), 1).ThrowIfFail();
        using var step = TrainingStep.Compile(network, Loss.Mse, Optimiser.Adam(0.01), Cpu, 8).ThrowIfFail();
        using var device = step.Upload(data.Features, data.Targets).ThrowIfFail();
        var run = TrainingRun.Start(step, device, network.Init(Rng.FromSeed(2)), TrainingKeys.FromSeed(3)).ThrowIfFail();
        run.NextEpoch();
        var evaluation = run.Evaluate(device);
        Assert.Null(evaluation.Accuracy);
        Assert.Equal(Inference.Loss(Cpu, network, run.Parameters(), Loss.Mse, data.Features, data.Targets).ThrowIfFail(), evaluation.Loss, 1e-6);
    }

    /// <summary>Train.Fit is the same loop: driving TrainingRun by hand with the seed's keys gives the identical model.</summary>
    [Fact]
    public void Train_fit_and_a_hand_driven_run_give_the_same_parameters()
    {
        var data = Generators.Moons(64, 0.2, Rng.FromSeed(5));
        var layer = Layers.Serial(Layers.Dense(8, Inits.He), Layers.Relu, Layers.Dropout(0.25), Layers.Dense(1));
        var fitted = Train.Fit(layer, data, Loss.BceWithLogits, Optimiser.Adam(0.02), epochs: 4, batchSize: 10, seed: 9, backend: Cpu).ThrowIfFail();

        var network = Network.Build(layer, 2).ThrowIfFail();
        using var step = TrainingStep.Compile(network, Loss.BceWithLogits, Optimiser.Adam(0.02), Cpu, 10).ThrowIfFail();
        using var device = step.Upload(data.Features, data.Targets).ThrowIfFail();
        var keys = TrainingKeys.FromSeed(9);
        var run = TrainingRun.Start(step, device, network.Init(keys.Init), keys).ThrowIfFail();
        var losses = new List<double>();
        while (run.Epoch < 4) losses.Add(run.NextEpoch().ThrowIfFail());
        Assert.Equal(fitted.Params.ToArray(), run.Parameters().ToArray());
        Assert.True(losses[^1] < losses[0], $"losses {string.Join(", ", losses)}");
    }

    /// <summary>With every schedule: the rate is a function of the step saved in the optimiser state, so a resumed run continues it (3 epochs of 7 steps).</summary>
    [Theory]
    [InlineData("constant", 0)]
    [InlineData("constant", 3)]
    [InlineData("step", 2)]
    [InlineData("cosine", 5)]
    [InlineData("onecycle", 0)]
    public void Resuming_after_an_epoch_continues_exactly(string schedule, int warmup)
    {
        var data = Generators.Moons(50, 0.2, Rng.FromSeed(6));
        // a batch norm's running statistics are state beside the parameters: the resumed run continues them too
        var network = Network.Build(Layers.Serial(Layers.Dense(5, Inits.He), Layers.BatchNorm(), Layers.Relu, Layers.Dropout(0.3), Layers.Dense(1)), 2).ThrowIfFail();
        var rule = Optimiser.Adam(0.02) with { Schedule = Schedule.Create(ScheduleKind.Named(schedule).ThrowIfFail(), 21, warmup, 4).ThrowIfFail() };
        using var step = TrainingStep.Compile(network, Loss.BceWithLogits, rule, Cpu, 8).ThrowIfFail();
        using var device = step.Upload(data.Features, data.Targets).ThrowIfFail();
        var keys = TrainingKeys.FromSeed(2);
        var whole = TrainingRun.Start(step, device, network.Init(keys.Init), keys).ThrowIfFail();
        whole.NextEpoch();
        var (parameters, optimiser, state) = whole.Snapshot();
        Assert.NotEqual(network.InitialState().ToArray(), state.ToArray());
        whole.NextEpoch();
        whole.NextEpoch();
        var (expected, expectedState) = (whole.Parameters().ToArray(), whole.State().ToArray());

        var resumed = TrainingRun.Resume(step, device, parameters, optimiser, 1, keys, state).ThrowIfFail();
        Assert.Equal(1, resumed.Epoch);
        resumed.NextEpoch();
        resumed.NextEpoch();
        Assert.Equal(expected, resumed.Parameters().ToArray());
        Assert.Equal(expectedState, resumed.State().ToArray());
    }

    [Fact]
    public void The_keys_are_distinct_streams_and_each_epoch_has_its_own_order()
    {
        var keys = TrainingKeys.FromSeed(1);
        var firsts = new[] { keys.Init, keys.Dropout, keys.Shuffle(1), keys.Shuffle(2), keys.Split }.Select(k => k.Uniform(0)).ToArray();
        Assert.Equal(firsts.Length, firsts.Distinct().Count());
        Assert.NotEqual(keys.Shuffle(1).Permutation(20), keys.Shuffle(2).Permutation(20));
    }

    [Fact]
    public void Gradients_in_training_mode_need_a_key_and_use_it()
    {
        var network = Network.Build(Layers.Serial(Layers.Dense(16), Layers.Dropout(0.5), Layers.Dense(1)), 3).ThrowIfFail();
        var p = network.Init(Rng.FromSeed(1));
        var x = Matrix.Create(4, 3, Rng.FromSeed(2), static (dst, r) => r.FillNormal(0f, 1f, dst));
        Matrix Ones(Matrix o) => Matrix.Create(o.Rows, o.Cols, 0, static (dst, _) => dst.Fill(1f));
        float[] Output(Rng key) => Gradients.InTraining(Cpu, network, p, x, Ones, key).ThrowIfFail().Output.ToArray();
        Assert.Equal(Output(Rng.FromSeed(7)), Output(Rng.FromSeed(7)));
        Assert.NotEqual(Output(Rng.FromSeed(7)), Output(Rng.FromSeed(8)));
        double MeanLoss(Rng key) => Gradients.OfLossInTraining(Cpu, network, p, Loss.Mse, x, Matrix.Zeros(4, 1), key).ThrowIfFail().Loss;
        Assert.Equal(MeanLoss(Rng.FromSeed(7)), MeanLoss(Rng.FromSeed(7)));
        Assert.NotEqual(MeanLoss(Rng.FromSeed(7)), MeanLoss(Rng.FromSeed(8)));
        // evaluation mode: dropout is the identity, so no key is asked for
        Assert.Equal(Inference.Forward(Cpu, network, p, x).ThrowIfFail().ToArray(), Gradients.Of(Cpu, network, p, x, Ones).ThrowIfFail().Output.ToArray());
    }

    [Fact]
    public void Train_fit_refuses_a_model_whose_weights_diverged_after_the_last_update()
    {
        var data = Generators.Moons(40, 0.2, Rng.FromSeed(1));
        // 1e39 is finite in double, so it passes as a rate, but overflows the float kernel's step: ∞ and NaN weights
        var fit = Train.Fit(Layers.Serial(Layers.Dense(8), Layers.Relu, Layers.Dense(1)), data, Loss.BceWithLogits, Optimiser.Sgd(1e39),
            epochs: 1, batchSize: 40, backend: Cpu);
        Assert.Contains("epoch 1: the parameters became non-finite after the update", fit.Match(_ => "", e => e.Message));
    }
}
