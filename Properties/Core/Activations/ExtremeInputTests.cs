using Pure.Properties.Support;

namespace Pure.Properties;

/// <summary>
/// Issue 11, item 16: every activation's float kernel, on a span long enough for the vectorised paths, agrees
/// with its double definition to a relative 1e-5 over tiny, huge and signed-zero inputs, value and derivative;
/// and every loss's float kernel agrees with the same loss in double, value and gradient.
/// </summary>
public class ExtremeInputTests
{
    static readonly double[] Inputs = [0.0, -0.0, 1e-30, -1e-30, 1e-10, -1e-10, 1e-5, -1e-5, 1e-3, -1e-3, 0.5, -0.5, 5, -5, 20, -20, 80, -80, 1e4, -1e4, 3e38, -3e38];

    static bool Close(double expected, float actual)
    {
        if (double.IsNaN(expected)) return float.IsNaN(actual);
        var rounded = (double)(float)expected;
        // past float's range the float answer can only be the infinity of the same sign
        if (!double.IsFinite(rounded)) return actual == rounded;
        // below float's normal range the float answer is at best a denormal: judge it absolutely there
        return Math.Abs(actual - rounded) <= 1e-5 * Math.Abs(rounded) + 1.2e-38;
    }

    [Fact]
    public void Every_activation_keeps_its_relative_accuracy_at_the_extremes()
    {
        var be = TestBackends.Float;
        var failures = new List<string>();
        foreach (var f in Activation.All.Concat([Activation.LeakyRelu(0.2), Activation.Elu(0.5)]))
        {
            // each input repeated across a span of 32, so the vector paths see it
            foreach (var x in Inputs)
            {
                var z = Enumerable.Repeat((float)x, 32).ToArray();
                var (zb, ab, db) = (be.Allocate(32).All, be.Allocate(32).All, be.Allocate(32).All);
                be.Upload(z, zb);
                be.ActivationForward(f, zb, ab);
                be.Fill(1f, db);
                be.ActivationBackward(f, zb, ab, db, db);
                var (a, d) = (new float[32], new float[32]);
                be.Download(ab, a);
                be.Download(db, d);
                var xf = (double)(float)x;
                if (!Close(f.Value(xf), a[0]) || a.Distinct().Count() != 1) failures.Add($"{f.Name}({xf:R}) = {a[0]:R}, definition {f.Value(xf):R}");
                if (!Close(f.Derivative(xf), d[0]) || d.Distinct().Count() != 1) failures.Add($"{f.Name}′({xf:R}) = {d[0]:R}, definition {f.Derivative(xf):R}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Outputs and targets at the extremes each loss meets: logits far out, probabilities at and next to 0 and 1.</summary>
    static (double[] Outputs, double[] Targets, int Cols) Extremes(LossKind kind) => kind switch
    {
        LossKind.BinaryCrossEntropy => ([0, 1e-30, 1e-10, 1e-5, 0.5, 1 - 1e-7, 1, 0, 1e-30, 0.5, 1 - 1e-7, 1], [0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1], 1),
        LossKind.SoftmaxCrossEntropy => ([0, 15, 1000, 1010, 3e38, 0, -3e38, 0, 1e-30, -1e-30, -80, 80], [0, 1, 0, 1, 0, 1, 1, 0, 1, 0, 1, 0], 2),
        _ => ([.. Inputs, .. Inputs], [.. Inputs.Select(_ => 0.0), .. Inputs.Select(_ => 1.0)], 1),
    };

    [Fact]
    public void Every_loss_keeps_its_relative_accuracy_at_the_extremes()
    {
        var failures = new List<string>();
        foreach (var kind in Enum.GetValues<LossKind>())
        {
            var (outputs, targets, cols) = Extremes(kind);
            // one row at a time: the mean over a row is that row's loss
            for (var row = 0; row < outputs.Length / cols; row++)
            {
                var o = outputs.AsSpan(row * cols, cols).ToArray().Select(v => (double)(float)v).ToArray();
                var y = targets.AsSpan(row * cols, cols).ToArray();
                var (value, gradient) = LossOf(TestBackends.Double, kind, o, y, cols);
                var (valueF, gradientF) = LossOf(TestBackends.Float, kind, o.Select(v => (float)v).ToArray(), y.Select(v => (float)v).ToArray(), cols);
                if (!Close(value, (float)valueF)) failures.Add($"{kind} at {string.Join("/", o)} → {string.Join("/", y)}: {valueF:R}, double {value:R}");
                for (var i = 0; i < cols; i++)
                    if (!Close(gradient[i], (float)gradientF[i])) failures.Add($"{kind}′[{i}] at {string.Join("/", o)} → {string.Join("/", y)}: {gradientF[i]:R}, double {gradient[i]:R}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    static (double Value, double[] Gradient) LossOf<T>(CpuBackend<T> be, LossKind kind, T[] o, T[] y, int cols) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var (ob, yb, gb) = (be.Allocate(o.Length).All, be.Allocate(y.Length).All, be.Allocate(o.Length).All);
        be.Upload(o, ob);
        be.Upload(y, yb);
        var value = be.Loss(kind, ob, yb, o.Length / cols, cols, gb);
        var gradient = new T[o.Length];
        be.Download(gb, gradient);
        return (double.CreateTruncating(value), gradient.Select(double.CreateTruncating).ToArray());
    }
}
