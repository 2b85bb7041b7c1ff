using Pure.Core.Backends;
using Pure.Core.Backends.Cpu;
using Pure.Core.Layers;
using Pure.Core.Tensors;

namespace Pure.Properties.Support;

/// <summary>
/// JAX's <c>check_vjp</c> for a layer plan, in double precision: for a random direction t over (θ, x) and a
/// random cotangent c, ⟨c, (f(θ+εt, x+εt) − f(θ−εt, x−εt))/2ε⟩ must equal ⟨t, VJP(c)⟩. One scalar covers every
/// parameter at once; <see cref="Check"/> also runs it with t restricted to the input and to each parameter
/// tensor alone, so a wrong gradient cannot hide behind a right one.
/// </summary>
public static class GradientCheck
{
    public const double Epsilon = 1e-6;

    /// <summary>Relative tolerance: central differences in double agree to ~1e-9 here; a 1 % error is 1e-2.</summary>
    public const double Tolerance = 1e-6;

    /// <summary>Absolute floor for directional derivatives near zero (saturated units), where rounding dominates.</summary>
    public const double AbsoluteTolerance = 1e-8;

    /// <summary>|numeric − analytic| ≤ 1e-6·max(|numeric|, |analytic|) + 1e-8.</summary>
    public static bool Agrees(double numeric, double analytic) =>
        Math.Abs(numeric - analytic) <= Tolerance * Math.Max(Math.Abs(numeric), Math.Abs(analytic)) + AbsoluteTolerance;

    public sealed record Outcome(string Part, double Numeric, double Analytic)
    {
        public double RelativeError => Math.Abs(Numeric - Analytic) / Math.Max(1e-8, Math.Max(Math.Abs(Numeric), Math.Abs(Analytic)));
        public bool Passed => Agrees(Numeric, Analytic);
        public override string ToString() => $"{Part}: finite difference {Numeric:G10}, backward {Analytic:G10}, relative error {RelativeError:G3}";
    }

    /// <summary>All checks (everything, input only, each parameter tensor only) for a plan at a random point.</summary>
    public static IReadOnlyList<Outcome> Check(LayerPlan plan, int rows, Rng rng, Mode mode = Mode.Train)
    {
        var keys = Enumerable.Range(0, 5).Select(i => rng.Fold((ulong)i)).ToArray();
        var theta = Random(keys[0], plan.ParamCount, 1.0);
        var x = Random(keys[1], rows * plan.InputWidth, 1.5);
        var c = Random(keys[2], rows * plan.OutputWidth, 1.0);
        var tTheta = Random(keys[3], theta.Length, 1.0);
        var tX = Random(keys[4], x.Length, 1.0);
        var dropoutKey = rng.Fold(99);

        var outcomes = new List<Outcome> { Directional("all", plan, rows, theta, x, c, tTheta, tX, dropoutKey, mode) };
        outcomes.Add(Directional("input", plan, rows, theta, x, c, new double[theta.Length], tX, dropoutKey, mode));
        var offset = 0;
        foreach (var spec in plan.Params)
        {
            var only = new double[theta.Length];
            Array.Copy(tTheta, offset, only, offset, spec.Length);
            outcomes.Add(Directional(spec.Name, plan, rows, theta, x, c, only, new double[x.Length], dropoutKey, mode));
            offset += spec.Length;
        }
        return outcomes;
    }

    static Outcome Directional(string part, LayerPlan plan, int rows, double[] theta, double[] x, double[] c,
        double[] tTheta, double[] tX, Rng key, Mode mode)
    {
        var plus = Forward(plan, rows, Step(theta, tTheta, Epsilon), Step(x, tX, Epsilon), key, mode);
        var minus = Forward(plan, rows, Step(theta, tTheta, -Epsilon), Step(x, tX, -Epsilon), key, mode);
        var numeric = 0.0;
        for (var i = 0; i < c.Length; i++) numeric += c[i] * (plus[i] - minus[i]) / (2 * Epsilon);
        var (dTheta, dX) = Backward(plan, rows, theta, x, c, key, mode);
        var analytic = Dot(tTheta, dTheta) + Dot(tX, dX);
        return new Outcome(part, numeric, analytic);
    }

    /// <summary>The plan's forward output in double precision.</summary>
    public static double[] Forward(LayerPlan plan, int rows, double[] theta, double[] x, Rng key, Mode mode)
    {
        var be = new CpuBackend<double>();
        var (p, input, output, workspace) = Buffers(be, plan, rows, theta, x);
        plan.Forward(be, new ForwardPass<double>(rows, input, output, p, workspace, mode, key));
        var result = new double[rows * plan.OutputWidth];
        be.Download(output, result);
        return result;
    }

    /// <summary>(∂⟨c, f⟩/∂θ, ∂⟨c, f⟩/∂x) from the plan's backward pass.</summary>
    public static (double[] DTheta, double[] DX) Backward(LayerPlan plan, int rows, double[] theta, double[] x, double[] c, Rng key, Mode mode)
    {
        var be = new CpuBackend<double>();
        var (p, input, output, workspace) = Buffers(be, plan, rows, theta, x);
        plan.Forward(be, new ForwardPass<double>(rows, input, output, p, workspace, mode, key));
        var up = be.Allocate(c.Length).All;
        be.Upload(c, up);
        var dp = be.Allocate(Math.Max(1, theta.Length)).All.Slice(0, theta.Length);
        var dx = be.Allocate(x.Length).All;
        // Poison the destinations: a backward that forgets to write them fails instead of passing on zeros.
        be.Fill(double.NaN, dp);
        be.Fill(double.NaN, dx);
        plan.Backward(be, new BackwardPass<double>(rows, input, output, up, dx, p, dp, workspace, mode));
        var dTheta = new double[theta.Length];
        var dX = new double[x.Length];
        be.Download(dp, dTheta);
        be.Download(dx, dX);
        return (dTheta, dX);
    }

    static (View<double> P, View<double> X, View<double> Out, View<double> Work) Buffers(
        CpuBackend<double> be, LayerPlan plan, int rows, double[] theta, double[] x)
    {
        var p = be.Allocate(Math.Max(1, theta.Length)).All.Slice(0, theta.Length);
        var input = be.Allocate(x.Length).All;
        var output = be.Allocate(rows * plan.OutputWidth).All;
        var workspace = be.Allocate(Math.Max(1, plan.WorkspaceLength(rows))).All;
        be.Upload(theta, p);
        be.Upload(x, input);
        return (p, input, output, workspace);
    }

    public static double[] Random(Rng rng, int n, double scale)
    {
        var values = new double[n];
        rng.FillNormal(0.0, scale, values);
        return values;
    }

    static double[] Step(double[] v, double[] t, double e) => v.Select((a, i) => a + e * t[i]).ToArray();

    static double Dot(double[] a, double[] b) => a.Select((v, i) => v * b[i]).Sum();
}
