using Pure.Shell.Recipes;
using Pure.Shell.Csv;

namespace Pure.Shell.Tour;

/// <summary>What a digits network learned: first-layer weights as images, and the input each class prefers.</summary>
public sealed partial class FeaturesTopic : ITourTopic
{
    public string Name => "features";
    public string Title => "Features: first-layer weights of a digits network, and each class's preferred input";

    public TopicReport Run(TourContext context)
    {
        var report = new TopicReport(Name, Title);
        var table = CsvTableReader.Read(Path.Combine(context.DataFolder, "digits.csv"), null);
        var targets = Targets.For(table, LearningTask.Classification);
        // pixels are 0..16; scale to [0, 1] so weights and inputs read as images
        var x = Matrix.From(table.Rows, table.Width, table.Features.ToArray().Select(v => v / 16f).ToArray()).Ok();
        var all = Dataset.Create(x, targets.Dense).Ok();
        var (train, test) = all.Split(0.25, context.Rng.Fold(1));
        var model = TourNetworks.Fit(context, Layers.Serial(Layers.Dense(32, Inits.He), Layers.Relu, Layers.Dense(10)), train, Loss.SoftmaxCrossEntropy, Optimiser.Adam(0.01), 40, 32, 1);
        var accuracy = TourNetworks.Accuracy(context, model, test);
        var weights = model.Params[model.Network.Layout["0.weight"]].ToArray();
        var units = Enumerable.Range(0, 16).Select(u => ($"unit {u}", weights.AsSpan(u * 64, 64).ToArray())).ToList();

        // Gradient ascent on the input: x ← clamp(x + η(∂z_k/∂x − λx), 0, 1), from a blank image.
        var prototypes = new List<(string Caption, float[] Pixels)>();
        var scores = new List<double>();
        for (var k = 0; k < 10; k++)
        {
            var input = new float[64];
            double score = 0;
            for (var step = 0; step < 200; step++)
            {
                var m = Matrix.From(1, 64, input).Ok();
                var vjp = Gradients.Of(context.Backend, model.Network, model.Params, m, o => OneHot.Encode([k], 10)).Ok();
                score = vjp.Output[0, k];
                for (var i = 0; i < 64; i++) input[i] = Math.Clamp(input[i] + 0.05f * (vjp.InputGradient[0, i] - 0.1f * input[i]), 0f, 1f);
            }
            var predicted = model.Classify(Matrix.From(1, 64, input).Ok(), context.Backend).Ok()[0];
            prototypes.Add(($"{targets.ClassNames[k]} → {targets.ClassNames[predicted]}", input));
            scores.Add(predicted == k ? 1 : 0);
        }
        report.Table("a 64-32-10 ReLU network on the UCI digits (75/25 split, 40 epochs of Adam)", ["quantity", "value"],
        [
            ["held-out accuracy", Fmt.P(accuracy)],
            ["classes whose preferred input the network assigns to that class", $"{scores.Sum()} of 10"],
        ]).Measure("digits_test_accuracy", accuracy).Measure("prototypes_classified", scores.Sum());
        Draw(context, report, units, prototypes);
        return report;
    }

    static partial void Draw(TourContext context, TopicReport report, List<(string Caption, float[] Pixels)> units, List<(string Caption, float[] Pixels)> prototypes);
}
