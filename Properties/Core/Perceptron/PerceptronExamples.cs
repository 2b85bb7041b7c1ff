using Pure.Core.Data;
using Pure.Core.Perceptron;
using Pure.Core.Tensors;
using static LanguageExt.Prelude;

namespace Pure.Properties;

/// <summary>Datasets and option sets the perceptron tests share.</summary>
static class PerceptronExamples
{
    public static Dataset Of(float[][] x, float[] y) =>
        Dataset.Create(Matrix.FromRows(x).ThrowIfFail(), Matrix.Column(y))
            .ThrowIfFail();

    public static PerceptronResult Train(Dataset data, PerceptronOptions options) =>
        Perceptron.Train(data, options).ThrowIfFail();

    public static Dataset Gate(string name) => name switch
    {
        "and" => Generators.And(),
        "or" => Generators.Or(),
        "nand" => Generators.Nand(),
        "nor" => Generators.Nor(),
        "xor" => Generators.Xor(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    /// <summary>
    /// The data plus a copy of row 0 with the other label: the same x̃ in both classes, which no hyperplane can
    /// separate (w̃·x̃ has one sign), so every epoch makes at least one mistake.
    /// </summary>
    public static Dataset WithConflict(Dataset data)
    {
        var rows = Enumerable.Range(0, data.Rows).Append(0).ToArray();
        var labels = Enumerable.Range(0, data.Rows).Select(i => data.Targets[i, 0]).Append(1 - data.Targets[0, 0]).ToArray();
        return Dataset.Create(data.Features.GatherRows(rows), Matrix.Column(labels)).ThrowIfFail();
    }

    /// <summary>Any learning rate, coding, start and order the core accepts, drawn from <paramref name="rng"/>.</summary>
    public static PerceptronOptions AnyOptions(Rng rng, int maxEpochs) => PerceptronOptions.Default with
    {
        LearningRate = new[] { 0.01, 0.3, 1, 2.5 }[rng.Below(0, 4)],
        MaxEpochs = maxEpochs,
        Labels = rng.Below(1, 2) == 0 ? PerceptronLabels.ZeroOne : PerceptronLabels.PlusMinusOne,
        Start = rng.Below(2, 2) == 0 ? PerceptronStart.Zeros : PerceptronStart.Random(rng.Fold(3), 0.1 + rng.Uniform(4)),
        ShuffleEachEpoch = rng.Below(5, 2) == 0 ? None : Some(rng.Fold(6)),
    };

    /// <summary>Options that keep Novikoff's premise (a zero start) but vary η, the coding and the row order.</summary>
    public static PerceptronOptions ZeroStartOptions(Rng rng, int maxEpochs) =>
        AnyOptions(rng, maxEpochs) with { Start = PerceptronStart.Zeros };
}
