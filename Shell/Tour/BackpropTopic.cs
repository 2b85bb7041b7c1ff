
namespace Pure.Shell.Tour;

/// <summary>The chain rule worked by hand for one weight, next to a finite difference.</summary>
public sealed class BackpropTopic : ITourTopic
{
    public string Name => "backprop";
    public string Title => "Backpropagation by hand: ∂L/∂w = ∂L/∂a · ∂a/∂z · ∂z/∂w";

    public TopicReport Run(TourContext context)
    {
        const double x = 2, w = 3, y = 1;
        static double Loss(double w) => 0.5 * Math.Pow(Activation.Sigmoid.Value(w * x) - y, 2);
        var z = w * x;
        var a = Activation.Sigmoid.Value(z);
        var dLda = a - y;
        var dadz = a * (1 - a);
        var dzdw = x;
        var chain = dLda * dadz * dzdw;
        const double h = 1e-6;
        var numeric = (Loss(w + h) - Loss(w - h)) / (2 * h);
        return new TopicReport(Name, Title)
            .Table("x = 2, w = 3, a = σ(wx), L = ½(a − y)², y = 1", ["quantity", "value"],
            [
                ["z = w·x", Fmt.F(z, 1)], ["a = σ(z)", Fmt.F(a)], ["L", Fmt.G(Loss(w))],
                ["∂L/∂a = a − y", Fmt.G(dLda)], ["∂a/∂z = a(1 − a)", Fmt.G(dadz)], ["∂z/∂w = x", Fmt.F(dzdw, 1)],
                ["∂L/∂w (chain rule)", Fmt.G(chain)], ["∂L/∂w (finite difference)", Fmt.G(numeric)],
            ])
            .Note("∂L/∂w = −1.2197e-5 (a tutorial prints −1.24e-5). The saturated sigmoid (a′ = 0.0025) is why the step is so small.")
            .Measure("chain_rule", chain).Measure("finite_difference", numeric);
    }
}
