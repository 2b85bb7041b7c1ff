using Pure.Properties.Support;

namespace Pure.Properties;

/// <summary>
/// Values far out in the tails, in float (the precision training runs in), against float64 references
/// (Python's math.log1p, math.exp, math.expm1): the confident rows and saturated units where a naive formula
/// rounds the answer away.
/// </summary>
public class TailValueTests
{
    static readonly CpuBackend<float> Float = TestBackends.Float;

    static void Close(double expected, double actual, string what) =>
        Assert.True(Math.Abs(actual - expected) <= 1e-5 * Math.Abs(expected), $"{what}: {actual:R}, float64 reference {expected:R}");

    static (float Loss, float[] Gradient) Loss(LossKind kind, float[] logits, float[] targets, int rows)
    {
        var (o, y, g) = (Float.Allocate(logits.Length).All, Float.Allocate(targets.Length).All, Float.Allocate(logits.Length).All);
        Float.Upload(logits, o);
        Float.Upload(targets, y);
        var loss = Float.Loss(kind, o, y, rows, logits.Length / rows, g);
        var gradient = new float[logits.Length];
        Float.Download(g, gradient);
        return (loss, gradient);
    }

    [Fact]
    public void A_confident_softmax_row_keeps_its_small_loss_and_a_gradient_that_sums_to_zero()
    {
        var (loss, gradient) = Loss(LossKind.SoftmaxCrossEntropy, [0, 15], [0, 1], 1);
        Close(3.059022737137205e-07, loss, "loss of [0, 15] → class 1");
        Close(3.059022269256247e-07, gradient[0], "∂/∂z₀");
        Close(-3.059022269256247e-07, gradient[1], "∂/∂z₁");
        var (shifted, _) = Loss(LossKind.SoftmaxCrossEntropy, [1000, 1010], [0, 1], 1);
        Close(4.539889921686465e-05, shifted, "loss of [1000, 1010] → class 1");
    }

    [Fact]
    public void Bce_with_logits_keeps_the_far_tail()
    {
        var (loss, _) = Loss(LossKind.BceWithLogits, [-20], [0], 1);
        Close(2.061153620314381e-09, loss, "BCE-with-logits at z = −20, y = 0");
    }

    static float[] Forward(Activation f, float[] z)
    {
        var (zb, ab) = (Float.Allocate(z.Length).All, Float.Allocate(z.Length).All);
        Float.Upload(z, zb);
        Float.ActivationForward(f, zb, ab);
        var a = new float[z.Length];
        Float.Download(ab, a);
        return a;
    }

    static float[] Derivative(Activation f, float[] z)
    {
        var (zb, ab, db) = (Float.Allocate(z.Length).All, Float.Allocate(z.Length).All, Float.Allocate(z.Length).All);
        Float.Upload(z, zb);
        Float.ActivationForward(f, zb, ab);
        Float.Fill(1f, db);
        Float.ActivationBackward(f, zb, ab, db, db);
        var d = new float[z.Length];
        Float.Download(db, d);
        return d;
    }

    [Fact]
    public void Softplus_keeps_its_left_tail()
    {
        Close(2.061153620314381e-09, Forward(Activation.Softplus, [-20f])[0], "softplus(−20)");
        Close(2.061153620314381e-09, Activation.Softplus.Value(-20), "softplus(−20) in double");
    }

    [Fact]
    public void Elu_backward_is_alpha_e_to_the_z_without_cancellation()
    {
        var d = Derivative(Activation.Elu(), [-10f, -15f, -20f]);
        Close(4.5399929762484854e-05, d[0], "elu′(−10)");
        Close(3.059023205018258e-07, d[1], "elu′(−15)");
        Close(2.061153622438558e-09, d[2], "elu′(−20)");
    }

    [Fact]
    public void Elu_just_below_zero_is_z_not_zero()
    {
        Close(-9.999999950000001e-09, Forward(Activation.Elu(), [-1e-8f])[0], "elu(−1e-8)");
        Close(-9.999999950000001e-09, Activation.Elu().Value(-1e-8), "elu(−1e-8) in double");
    }

    /// <summary>
    /// Issue 11, item 19: a sigmoid output far on the wrong side (z = −20, y = 1) under BCE on probabilities
    /// learns at full strength, ∂L/∂z = σ(z) − y ≈ −1 as PyTorch gives; the old clamp at 1e-7 gave −0.0206.
    /// </summary>
    [Fact]
    public void Bce_on_a_confidently_wrong_probability_keeps_its_full_gradient()
    {
        var network = Network.Build(Layers.Sigmoid, 1).ThrowIfFail();
        var gradients = Gradients.OfLoss(Float, network, network.Init(Rng.FromSeed(1)), Pure.Core.Losses.Loss.BinaryCrossEntropy,
            Matrix.Column([-20f]), Matrix.Column([1f])).ThrowIfFail();
        Close(2.061153622438558e-09 - 1, gradients.InputGradient[0, 0], "∂L/∂z at z = −20, y = 1");
    }
}
