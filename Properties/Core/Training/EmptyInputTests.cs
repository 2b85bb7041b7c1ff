using Pure.Properties.Support;

namespace Pure.Properties;

/// <summary>No rows is a valid input: predictions of nothing are an empty matrix, not an exception.</summary>
public class EmptyInputTests
{
    static readonly CpuBackend<float> Cpu = TestBackends.Float;

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Predicting_no_rows_gives_no_rows(int outputs)
    {
        var network = Network.Build(Layers.Serial(Layers.Dense(4), Layers.Sigmoid, Layers.Dense(outputs)), 2).ThrowIfFail();
        var loss = outputs == 1 ? Loss.BceWithLogits : Loss.SoftmaxCrossEntropy;
        var predictions = Inference.Predict(Cpu, network, network.Init(Rng.FromSeed(1)), loss, Matrix.Zeros(0, 2)).ThrowIfFail();
        Assert.Equal((0, outputs), (predictions.Rows, predictions.Cols));
    }
}
