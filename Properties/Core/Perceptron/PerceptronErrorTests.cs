using Pure.Core.Data;
using Pure.Core.Perceptron;
using Pure.Core.Tensors;
using static Pure.Properties.PerceptronExamples;

namespace Pure.Properties;

/// <summary>Input the perceptron cannot use comes back as an error value that says why.</summary>
public class PerceptronErrorTests
{
    static string Failure(Dataset data, PerceptronOptions options) =>
        Perceptron.Train(data, options).Match(r => throw new Exception($"expected an error, trained to {r.Boundary}"), e => e.Message);

    static readonly PerceptronOptions Classic = PerceptronOptions.Default;

    static Dataset Data(Matrix x, Matrix y) => Dataset.Create(x, y).ThrowIfFail();

    [Fact]
    public void Data_it_cannot_use()
    {
        Assert.Contains("no rows", Failure(Data(Matrix.Zeros(0, 2), Matrix.Zeros(0, 1)), Classic));
        Assert.Contains("no input columns", Failure(Data(Matrix.Zeros(3, 0), Matrix.Zeros(3, 1)), Classic));
        Assert.Contains("one target column", Failure(Data(Matrix.Zeros(3, 2), Matrix.Zeros(3, 2)), Classic));
        Assert.Contains("row 1: label 2 is not a class index 0 or 1", Failure(Of([[0], [1]], [0, 2]), Classic));
        Assert.Contains("label -1", Failure(Of([[0], [1]], [1, -1]), Classic));
        Assert.Contains("label 0.5", Failure(Of([[0], [1]], [1, 0.5f]), Classic));
        Assert.Contains("row 1, column 0: NaN", Failure(Of([[0], [float.NaN]], [1, 0]), Classic));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_learning_rate_that_is_not_positive_and_finite(double eta) =>
        Assert.Contains("learning rate", Failure(Generators.And(), Classic with { LearningRate = eta }));

    [Fact]
    public void Options_it_cannot_use()
    {
        Assert.Contains("at least one epoch, got 0", Failure(Generators.And(), Classic with { MaxEpochs = 0 }));
        Assert.Contains("positive finite scale", Failure(Generators.And(), Classic with { Start = PerceptronStart.Random(Rng.FromSeed(1), 0) }));
        Assert.Contains("label coding", Failure(Generators.And(), Classic with { Labels = (PerceptronLabels)7 }));
        Assert.StartsWith("perceptron: ", Failure(Generators.And(), Classic with { MaxEpochs = -3 }));
    }
}
