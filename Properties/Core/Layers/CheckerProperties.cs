using FsCheck;
using FsCheck.Xunit;
using Pure.Core.Backends;
using Pure.Properties.Support;

namespace Pure.Properties;

/// <summary>
/// A check of the checker: layers whose backward pass is deliberately wrong (sign flipped, factor dropped,
/// off by 1 %) must make the gradient check fail, alone and buried inside a Serial stack.
/// </summary>
public class CheckerProperties
{
    enum Fault { SignFlipped, FactorDropped, OnePercentOff }

    /// <summary>σ as a layer, with a backward that is wrong in the chosen way.</summary>
    sealed class BrokenSigmoid(int units, Fault fault) : LayerPlan($"broken-sigmoid({fault})", units, units)
    {
        public override void Forward<T>(IBackend<T> backend, in ForwardPass<T> pass) =>
            backend.ActivationForward(Pure.Core.Activations.Activation.Sigmoid, pass.Input, pass.Output);

        public override void Backward<T>(IBackend<T> backend, in BackwardPass<T> pass)
        {
            var n = pass.Rows * OutputWidth;
            var a = new T[n];
            var up = new T[n];
            backend.Download(pass.Output.Slice(0, n), a);
            backend.Download(pass.OutputGradient.Slice(0, n), up);
            var dz = new T[n];
            for (var i = 0; i < n; i++)
                dz[i] = fault switch
                {
                    Fault.SignFlipped => -up[i] * a[i] * (T.One - a[i]),
                    Fault.FactorDropped => up[i] * a[i],                    // forgot the (1 − σ)
                    _ => up[i] * a[i] * (T.One - a[i]) * T.CreateTruncating(1.01),
                };
            backend.Upload(dz, pass.InputGradient.Slice(0, n));
        }
    }

    sealed class Wrapper(LayerPlan plan) { public Layer AsLayer() => new(plan.Name, _ => plan); }

    static bool AllPass(LayerPlan plan, Rng rng) => GradientCheck.Check(plan, 3, rng).All(o => o.Passed);

    [SeededProperty]
    public void A_correct_sigmoid_passes(Seed seed) =>
        Assert.True(AllPass(Network.Build(Layers.Sigmoid, 5).ThrowIfFail().Plan, seed.Rng));

    [SeededProperty]
    public bool A_wrong_derivative_fails_the_check(Seed seed)
    {
        var rng = seed.Rng;
        var fault = (Fault)rng.Below(0, 3);
        return !AllPass(new BrokenSigmoid(5, fault), rng.Fold(1));
    }

    [SeededProperty]
    public bool A_wrong_derivative_inside_a_stack_fails_the_check(Seed seed)
    {
        var rng = seed.Rng;
        var fault = (Fault)rng.Below(0, 3);
        var broken = new Wrapper(new BrokenSigmoid(6, fault)).AsLayer();
        var stack = Layers.Serial(Layers.Dense(6), broken, Layers.Dense(3), Layers.Tanh);
        var plan = Network.Build(stack, 4).ThrowIfFail().Plan;
        return !AllPass(plan, rng.Fold(2));
    }
}
