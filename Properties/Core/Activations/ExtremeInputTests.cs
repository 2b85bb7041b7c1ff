using Pure.Properties.Support;

namespace Pure.Properties;

/// <summary>
/// Issue 11, item 16: every activation's float kernel, on a span long enough for the vectorised paths, agrees
/// with its double definition to a relative 1e-5 over tiny, huge and signed-zero inputs, value and derivative.
/// </summary>
public class ExtremeInputTests
{
    static readonly double[] Inputs = [0.0, -0.0, 1e-30, -1e-30, 1e-10, -1e-10, 1e-5, -1e-5, 1e-3, -1e-3, 0.5, -0.5, 5, -5, 20, -20, 80, -80, 1e4, -1e4, 3e38, -3e38];

    static bool Close(double expected, float actual)
    {
        if (!double.IsFinite(expected)) return double.IsNaN(expected) ? float.IsNaN(actual) : actual == expected;
        var rounded = (double)(float)expected;
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
}
