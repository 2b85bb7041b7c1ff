using Pure.Properties.Support;

namespace Pure.Properties;

/// <summary>Every loss's gradient equals a central finite difference of its value (double precision), and the reference values hold.</summary>
public class LossProperties
{
    static readonly CpuBackend<double> Double = TestBackends.Double;
    static readonly CpuBackend<float> Float = TestBackends.Float;

    static double Value(LossKind kind, double[] o, double[] y, int rows, int cols, double[]? gradient = null)
    {
        var ob = Double.Allocate(o.Length).All;
        var yb = Double.Allocate(y.Length).All;
        Double.Upload(o, ob);
        Double.Upload(y, yb);
        var gb = gradient is null ? default : Double.Allocate(o.Length).All;
        var loss = Double.Loss(kind, ob, yb, rows, cols, gb);
        if (gradient is not null) Double.Download(gb, gradient);
        return loss;
    }

    /// <summary>Targets that suit the loss: a distribution per row for softmax-CE, values in [0,1] for BCE, anything for MSE.</summary>
    static (double[] Outputs, double[] Targets) Point(LossKind kind, Rng rng, int rows, int cols)
    {
        var o = GradientCheck.Random(rng.Fold(1), rows * cols, 2);
        var y = new double[rows * cols];
        rng.Fold(2).FillUniform(0.0, 1.0, y);
        switch (kind)
        {
            case LossKind.BinaryCrossEntropy:
                for (var i = 0; i < o.Length; i++) o[i] = 0.05 + 0.9 * Pure.Core.Activations.Scalar.Sigmoid(o[i]);
                break;
            case LossKind.SoftmaxCrossEntropy:
                for (var r = 0; r < rows; r++)
                {
                    var row = y.AsSpan(r * cols, cols);
                    var sum = 0.0;
                    foreach (var v in row) sum += v;
                    for (var c = 0; c < cols; c++) row[c] /= sum;
                }
                break;
        }
        return (o, y);
    }

    [SeededProperty]
    public void Every_loss_gradient_equals_finite_differences(Seed seed)
    {
        var rng = seed.Rng;
        foreach (var kind in Enum.GetValues<LossKind>())
        {
            var (rows, cols) = (1 + rng.Below(0, 6), (kind == LossKind.SoftmaxCrossEntropy ? 2 : 1) + rng.Below(1, 6));
            var (o, y) = Point(kind, rng.Fold((ulong)kind), rows, cols);
            var gradient = new double[o.Length];
            Value(kind, o, y, rows, cols, gradient);
            var t = GradientCheck.Random(rng.Fold(50 + (ulong)kind), o.Length, 1);
            const double e = 1e-6;
            var plus = Value(kind, o.Select((v, i) => v + e * t[i]).ToArray(), y, rows, cols);
            var minus = Value(kind, o.Select((v, i) => v - e * t[i]).ToArray(), y, rows, cols);
            var numeric = (plus - minus) / (2 * e);
            var analytic = t.Select((v, i) => v * gradient[i]).Sum();
            Assert.True(GradientCheck.Agrees(numeric, analytic), $"{kind}: finite difference {numeric}, gradient {analytic}");
        }
    }

    [Fact]
    public void Bce_with_logits_matches_the_stable_reference_and_never_overflows()
    {
        double[] z = [-100, -2, 0, 3, 100], y = [1, 0, 1, 1, 0];
        Assert.Equal(40.173733, Value(LossKind.BceWithLogits, z, y, 1, 5), 1e-5);
        Assert.Equal(40.173733, Loss32(LossKind.BceWithLogits, z, y, 1, 5), 1e-4);
    }

    [Fact]
    public void Bce_with_logits_matches_keras()
    {
        double[] z = [100, -100, 100, 100, 100, -100], y = [1, 0, 1, 0, 1, 1];
        Assert.Equal(33.333333, Value(LossKind.BceWithLogits, z, y, 2, 3), 1e-5);
    }

    [Fact]
    public void Softmax_cross_entropy_uses_log_sum_exp()
    {
        double[] z = [1000, 0, -1000, 1, 2, 3], y = [0, 1, 0, 0, 0, 1];
        Assert.Equal(500.203803, Value(LossKind.SoftmaxCrossEntropy, z, y, 2, 3), 1e-5);
        Assert.Equal(500.203803, Loss32(LossKind.SoftmaxCrossEntropy, z, y, 2, 3), 1e-3);
    }

    [Fact]
    public void Categorical_cross_entropy_matches_keras()
    {
        double[] z = [1, 9, 0, 1, 8, 1], y = [0, 1, 0, 0, 0, 1];
        Assert.Equal(0.000459, Value(LossKind.SoftmaxCrossEntropy, z[..3], y[..3], 1, 3), 1e-6);
        Assert.Equal(7.001822, Value(LossKind.SoftmaxCrossEntropy, z[3..], y[3..], 1, 3), 1e-6);
        Assert.Equal(3.501140, Value(LossKind.SoftmaxCrossEntropy, z, y, 2, 3), 1e-6);
    }

    [Fact]
    public void Bce_on_probabilities_is_clamped_never_infinite()
    {
        var loss = Value(LossKind.BinaryCrossEntropy, [0, 1], [1, 0], 1, 2, new double[2]);
        Assert.True(double.IsFinite(loss) && loss > 10, $"loss {loss}");
    }

    [Fact]
    public void Mse_is_the_mean_of_squared_differences()
    {
        var gradient = new double[4];
        Assert.Equal((1 + 4 + 0 + 9) / 4.0, Value(LossKind.MeanSquaredError, [1, 2, 3, 4], [0, 0, 3, 1], 2, 2, gradient), 1e-12);
        Assert.Equal([0.5, 1, 0, 1.5], gradient);
    }

    [Fact]
    public void Fused_output_gradients_are_p_minus_y()
    {
        var g = new double[3];
        Value(LossKind.SoftmaxCrossEntropy, [2, 1, 0.1], [0, 1, 0], 1, 3, g);
        var p = Pure.Core.Activations.Softmax.Of<double>([2, 1, 0.1], 1);
        for (var c = 0; c < 3; c++) Assert.Equal(p[c] - (c == 1 ? 1 : 0), g[c], 1e-12);
        var gb = new double[1];
        Value(LossKind.BceWithLogits, [0.7], [1], 1, 1, gb);
        Assert.Equal(Pure.Core.Activations.Scalar.Sigmoid(0.7) - 1, gb[0], 1e-12);
    }

    static double Loss32(LossKind kind, double[] o, double[] y, int rows, int cols)
    {
        var ob = Float.Allocate(o.Length).All;
        var yb = Float.Allocate(y.Length).All;
        Float.Upload(o.Select(v => (float)v).ToArray(), ob);
        Float.Upload(y.Select(v => (float)v).ToArray(), yb);
        var gb = Float.Allocate(o.Length).All;
        var loss = Float.Loss(kind, ob, yb, rows, cols, gb);
        var g = new float[o.Length];
        Float.Download(gb, g);
        Assert.All(g, v => Assert.True(float.IsFinite(v)));
        return loss;
    }
}
