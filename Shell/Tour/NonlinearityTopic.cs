
namespace Pure.Shell.Tour;

/// <summary>Without a nonlinearity, depth buys nothing: a stack of linear layers is one matrix.</summary>
public sealed class NonlinearityTopic : ITourTopic
{
    public string Name => "nonlinearity";
    public string Title => "Why nonlinearity: 100 linear layers are one matrix";

    public TopicReport Run(TourContext context)
    {
        var report = new TopicReport(Name, Title);
        // 100 rotations-with-bias of the plane: norms stay O(1), so the comparison is not flattered by vanishing values.
        const int depth = 100;
        var rng = context.Rng.Fold(1);
        var layer = Layers.Serial(Enumerable.Range(0, depth).Select(_ => Layers.Dense(2)));
        var network = Network.Build(layer, 2).Ok();
        var values = new float[network.Layout.Length];
        double[,] w = { { 1, 0 }, { 0, 1 } };
        double[] b = [0, 0];
        for (var l = 0; l < depth; l++)
        {
            var angle = 2 * Math.PI * rng.Uniform((ulong)(3 * l));
            double[,] r = { { Math.Cos(angle), -Math.Sin(angle) }, { Math.Sin(angle), Math.Cos(angle) } };
            double[] c = [0.1 * (rng.Uniform((ulong)(3 * l + 1)) - 0.5), 0.1 * (rng.Uniform((ulong)(3 * l + 2)) - 0.5)];
            var offset = l * 6;
            for (var i = 0; i < 4; i++) values[offset + i] = (float)r[i / 2, i % 2];
            values[offset + 4] = (float)c[0];
            values[offset + 5] = (float)c[1];
            // compose in double with the float weights actually used: W ← R·W, b ← R·b + c
            double[,] rf = { { values[offset], values[offset + 1] }, { values[offset + 2], values[offset + 3] } };
            w = Multiply(rf, w);
            b = [rf[0, 0] * b[0] + rf[0, 1] * b[1] + values[offset + 4], rf[1, 0] * b[0] + rf[1, 1] * b[1] + values[offset + 5]];
        }
        var parameters = Params.From(network.Layout, values).Ok();
        var x = TourNetworks.Normal(rng.Fold(9), 256, 2);
        var deep = Inference.Forward(context.Backend, network, parameters, x).Ok();
        double maxDiff = 0;
        for (var r = 0; r < x.Rows; r++)
            for (var i = 0; i < 2; i++)
                maxDiff = Math.Max(maxDiff, Math.Abs(deep[r, i] - (w[i, 0] * x[r, 0] + w[i, 1] * x[r, 1] + b[i])));
        report.Table($"{depth} stacked Dense(2) layers vs the single matrix W = W₁₀₀·…·W₁, b = composed biases", ["quantity", "value"],
        [
            ["W", $"[[{Fmt.F(w[0, 0], 4)}, {Fmt.F(w[0, 1], 4)}], [{Fmt.F(w[1, 0], 4)}, {Fmt.F(w[1, 1], 4)}]]"],
            ["b", $"[{Fmt.F(b[0], 4)}, {Fmt.F(b[1], 4)}]"],
            ["max |deep(x) − (Wx + b)| over 256 inputs", Fmt.G(maxDiff, 3)],
        ]);

        var xor = Generators.Xor();
        var linear = TourNetworks.Fit(context, Layers.Serial(Enumerable.Range(0, 10).Select(_ => Layers.Dense(8, Inits.Xavier)).Append(Layers.Dense(1))),
            xor, Loss.BceWithLogits, Optimiser.Adam(0.05), 500, 4, 1);
        var relu = TourNetworks.Fit(context, TourNetworks.Stack(10, 8, Layers.Relu, Inits.He, bias: Inits.Constant(0.01)),
            xor, Loss.BceWithLogits, Optimiser.Adam(0.01), 500, 4, 1);
        var linearAccuracy = TourNetworks.Accuracy(context, linear, xor);
        var reluAccuracy = TourNetworks.Accuracy(context, relu, xor);
        report.Table("XOR after 500 epochs of Adam (10 hidden layers of 8)", ["stack", "accuracy"],
            [["linear (no activation)", Fmt.P(linearAccuracy)], ["ReLU", Fmt.P(reluAccuracy)]])
            .Note("A linear classifier gets at most 3 of the 4 XOR points right, however deep the stack.")
            .Measure("max_difference", maxDiff).Measure("linear_xor_accuracy", linearAccuracy).Measure("relu_xor_accuracy", reluAccuracy);
        return report;
    }

    static double[,] Multiply(double[,] a, double[,] b)
    {
        var c = new double[2, 2];
        for (var i = 0; i < 2; i++)
            for (var j = 0; j < 2; j++)
                c[i, j] = a[i, 0] * b[0, j] + a[i, 1] * b[1, j];
        return c;
    }
}
