using Pure.Core.Diagnostics;

namespace Pure.Shell.Tour;

/// <summary>XOR by hand from threshold units, then learned; in the hidden layer's coordinates it becomes separable.</summary>
public sealed partial class XorTopic : ITourTopic
{
    public string Name => "xor";
    public string Title => "XOR: built by hand, learned, and separable in the hidden layer";

    public TopicReport Run(TourContext context)
    {
        var report = new TopicReport(Name, Title);
        var xor = Generators.Xor();

        // XOR = AND(OR(a, b), NAND(a, b)) with Heaviside units: h₁ = H(a + b − 0.5), h₂ = H(−a − b + 1.5), y = H(h₁ + h₂ − 1.5)
        var byHand = Network.Build(Layers.Serial(Layers.Dense(2), Layers.Step, Layers.Dense(1), Layers.Step), 2).Ok();
        var handParams = Params.From(byHand.Layout, [1, 1, -1, -1, -0.5f, 1.5f, 1, 1, -1.5f]).Ok();
        var handOut = Inference.Forward(context.Backend, byHand, handParams, xor.Features).Ok();
        var handHidden = LayerTrace.Of(context.Backend, byHand, handParams, xor.Features).Ok()[1].Output;
        report.Table("by hand: h₁ = OR, h₂ = NAND, y = AND(h₁, h₂)", ["a", "b", "h₁", "h₂", "y", "a XOR b"],
            Enumerable.Range(0, 4).Select(r => (IReadOnlyList<string>)[Fmt.I((long)xor.Features[r, 0]), Fmt.I((long)xor.Features[r, 1]),
                Fmt.I((long)handHidden[r, 0]), Fmt.I((long)handHidden[r, 1]), Fmt.I((long)handOut[r, 0]), Fmt.I((long)xor.Targets[r, 0])]));
        var handCorrect = Enumerable.Range(0, 4).Count(r => handOut[r, 0] == xor.Targets[r, 0]);

        // Learned: 2-4-1 sigmoid; and 2-2-1 tanh, whose two hidden units can be drawn.
        var wide = TourNetworks.Fit(context, Layers.Serial(Layers.Dense(4, Inits.Xavier), Layers.Sigmoid, Layers.Dense(1)), xor, Loss.BceWithLogits, Optimiser.Adam(0.1), 500, 4, 1);
        var (narrow, seed) = Enumerable.Range(0, 20)
            .Select(s => (Model: TourNetworks.Fit(context, Layers.Serial(Layers.Dense(2, Inits.Xavier), Layers.Tanh, Layers.Dense(1)), xor, Loss.BceWithLogits, Optimiser.Adam(0.1), 500, 4, s), Seed: s))
            .First(m => TourNetworks.Accuracy(context, m.Model, xor) == 1.0);
        var hidden = LayerTrace.Of(context.Backend, narrow.Network, narrow.Params, xor.Features).Ok()[1].Output;
        var output = narrow.Network.Layout;
        var w = narrow.Params[output["2.weight"]].ToArray();
        var b = narrow.Params[output["2.bias"]][0];
        var margins = Enumerable.Range(0, 4).Select(r => (2 * xor.Targets[r, 0] - 1) * (w[0] * hidden[r, 0] + w[1] * hidden[r, 1] + b)).ToArray();
        report.Table($"learned 2-2-1 tanh network (seed {seed}): the points in hidden coordinates", ["a", "b", "h₁", "h₂", "label", "signed margin"],
            Enumerable.Range(0, 4).Select(r => (IReadOnlyList<string>)[Fmt.I((long)xor.Features[r, 0]), Fmt.I((long)xor.Features[r, 1]),
                Fmt.F(hidden[r, 0], 3), Fmt.F(hidden[r, 1], 3), Fmt.I((long)xor.Targets[r, 0]), Fmt.F(margins[r], 3)]))
            .Note($"output unit's line in hidden space: {Fmt.F(w[0], 3)}·h₁ + {Fmt.F(w[1], 3)}·h₂ + {Fmt.F(b, 3)} = 0; every margin is positive, so the line separates the classes there.")
            .Measure("hand_correct", handCorrect)
            .Measure("wide_accuracy", TourNetworks.Accuracy(context, wide, xor))
            .Measure("narrow_accuracy", TourNetworks.Accuracy(context, narrow, xor))
            .Measure("hidden_min_margin", margins.Min());
        report.Table("learned 2-4-1 sigmoid network", ["input", "P(1)"],
            Enumerable.Range(0, 4).Select(r => (IReadOnlyList<string>)[$"({xor.Features[r, 0]}, {xor.Features[r, 1]})", Fmt.F(wide.Predict(xor.Features, context.Backend).Ok()[r, 0], 4)]));
        Draw(context, report, hidden, xor.Targets, w, b);
        return report;
    }

    static partial void Draw(TourContext context, TopicReport report, Matrix hidden, Matrix labels, float[] w, float b);
}
