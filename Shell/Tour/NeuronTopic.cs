
namespace Pure.Shell.Tour;

/// <summary>One artificial neuron: a weighted sum plus a bias through a sigmoid.</summary>
public sealed class NeuronTopic : ITourTopic
{
    public string Name => "neuron";
    public string Title => "The artificial neuron: the spam neuron σ(w·x + b)";

    public TopicReport Run(TourContext context)
    {
        double[] x = [150, 1], w = [0.01, 0.9];
        const double b = -1;
        var z = w[0] * x[0] + w[1] * x[1] + b;
        var p = Activation.Sigmoid.Value(z);
        return new TopicReport(Name, Title)
            .Table("inputs [words, has link], weights, bias", ["quantity", "value"],
            [
                ["x", "[150, 1]"], ["w", "[0.01, 0.9]"], ["b", "−1"],
                ["z = w·x + b", Fmt.F(z, 4)], ["σ(z) = P(spam)", Fmt.F(p)],
            ])
            .Note("σ(1.4) = 0.802184; a tutorial prints 0.73, which is σ(1.0), not σ(1.4).")
            .Measure("z", z).Measure("probability", p);
    }
}
