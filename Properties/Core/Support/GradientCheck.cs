using Pure.Core.Backends;

namespace Pure.Properties.Support;

/// <summary>
/// JAX's <c>check_vjp</c> for a layer plan, in double precision: for a random direction t over (θ, x) and a
/// random cotangent c, the finite difference ⟨c, ∂f/∂t⟩ (a five-point stencil) must equal ⟨t, VJP(c)⟩. One scalar covers every
/// parameter at once; <see cref="Check"/> also runs it with t restricted to the input and to each parameter
/// tensor alone, so a wrong gradient cannot hide behind a right one.
/// </summary>
public static class GradientCheck
{
    public const double Epsilon = 1e-6;

    /// <summary>Relative tolerance: central differences in double agree to ~1e-9 here; a 1 % error is 1e-2.</summary>
    public const double Tolerance = 1e-6;

    /// <summary>
    /// Absolute floor per unit of output scale Σ|cᵢ·fᵢ|: the rounding error of a central difference is about
    /// ε_machine·scale/ε ≈ 1e-10·scale, so a small directional derivative of a large output is not judged on noise.
    /// </summary>
    public const double AbsoluteTolerance = 1e-8;

    /// <summary>|numeric − analytic| ≤ 1e-6·max(|numeric|, |analytic|) + 1e-8·max(1, scale).</summary>
    public static bool Agrees(double numeric, double analytic, double scale = 1) =>
        Math.Abs(numeric - analytic) <= Tolerance * Math.Max(Math.Abs(numeric), Math.Abs(analytic)) + AbsoluteTolerance * Math.Max(1, scale);

    public sealed record Outcome(string Part, double Numeric, double Analytic, double Scale)
    {
        public double RelativeError => Math.Abs(Numeric - Analytic) / Math.Max(1e-8, Math.Max(Math.Abs(Numeric), Math.Abs(Analytic)));
        public bool Passed => Agrees(Numeric, Analytic, Scale);
        public override string ToString() => $"{Part}: finite difference {Numeric:G10}, backward {Analytic:G10}, relative error {RelativeError:G3}, output scale {Scale:G3}";
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

    /// <summary>
    /// The directional check at step ε and, if that disagrees, once more at ε/8: a true derivative error
    /// disagrees at every step, while a step that happens to straddle a kink (ReLU, PReLU at 0) does not
    /// straddle it at the smaller one.
    /// </summary>
    static Outcome Directional(string part, LayerPlan plan, int rows, double[] theta, double[] x, double[] c,
        double[] tTheta, double[] tX, Rng key, Mode mode)
    {
        var (dTheta, dX) = Backward(plan, rows, theta, x, c, key, mode);
        var analytic = Dot(tTheta, dTheta) + Dot(tX, dX);
        var first = Numeric(plan, rows, theta, x, c, tTheta, tX, key, mode, Epsilon);
        var outcome = new Outcome(part, first.Value, analytic, first.Scale);
        if (outcome.Passed) return outcome;
        var second = Numeric(plan, rows, theta, x, c, tTheta, tX, key, mode, Epsilon / 8);
        return new Outcome(part, second.Value, analytic, second.Scale);
    }

    /// <summary>
    /// ⟨c, ∂f/∂t⟩ by the five-point stencil (−f(2h) + 8f(h) − 8f(−h) + f(−2h))/12h, truncation O(h⁴), and the
    /// output scale Σ|cᵢ·fᵢ| that bounds its rounding error.
    /// </summary>
    static (double Value, double Scale) Numeric(LayerPlan plan, int rows, double[] theta, double[] x, double[] c,
        double[] tTheta, double[] tX, Rng key, Mode mode, double h)
    {
        double[] At(double e) => Forward(plan, rows, Step(theta, tTheta, e), Step(x, tX, e), key, mode);
        var (p2, p1, m1, m2) = (At(2 * h), At(h), At(-h), At(-2 * h));
        double value = 0, scale = 0;
        for (var i = 0; i < c.Length; i++)
        {
            value += c[i] * (-p2[i] + 8 * p1[i] - 8 * m1[i] + m2[i]) / (12 * h);
            scale += Math.Abs(c[i] * p1[i]);
        }
        return (value, scale);
    }

    /// <summary>The plan's forward output in double precision.</summary>
    public static double[] Forward(LayerPlan plan, int rows, double[] theta, double[] x, Rng key, Mode mode)
    {
        var be = TestBackends.Double;
        var (p, input, output, workspace, state) = Buffers(be, plan, rows, theta, x);
        plan.Forward(be, new ForwardPass<double>(rows, input, output, p, workspace, mode, key, state));
        var result = new double[rows * plan.OutputWidth];
        be.Download(output, result);
        return result;
    }

    /// <summary>(∂⟨c, f⟩/∂θ, ∂⟨c, f⟩/∂x) from the plan's backward pass.</summary>
    public static (double[] DTheta, double[] DX) Backward(LayerPlan plan, int rows, double[] theta, double[] x, double[] c, Rng key, Mode mode)
    {
        var be = TestBackends.Double;
        var (p, input, output, workspace, state) = Buffers(be, plan, rows, theta, x);
        plan.Forward(be, new ForwardPass<double>(rows, input, output, p, workspace, mode, key, state));
        var up = be.Allocate(c.Length).All;
        be.Upload(c, up);
        var dp = be.Allocate(Math.Max(1, theta.Length)).All.Slice(0, theta.Length);
        var dx = be.Allocate(x.Length).All;
        // Poison the destinations: a backward that forgets to write them fails instead of passing on zeros.
        be.Fill(double.NaN, dp);
        be.Fill(double.NaN, dx);
        plan.Backward(be, new BackwardPass<double>(rows, input, output, up, dx, p, dp, workspace, mode, state));
        var dTheta = new double[theta.Length];
        var dX = new double[x.Length];
        be.Download(dp, dTheta);
        be.Download(dx, dX);
        return (dTheta, dX);
    }

    /// <summary>
    /// The buffers of one call, fresh each time: a training pass moves the state (running statistics), and every
    /// call of the finite difference must see the same. The state is the initial one moved off it (means off 0,
    /// variances off 1), so an evaluation pass that ignored it would be caught.
    /// </summary>
    static (View<double> P, View<double> X, View<double> Out, View<double> Work, View<double> State) Buffers(
        CpuBackend<double> be, LayerPlan plan, int rows, double[] theta, double[] x)
    {
        var initial = plan.State.SelectMany(s => Enumerable.Range(0, s.Length).Select(i => s.Initial + 0.25 + 0.5 * ((i * 7919 + s.Name.Length) % 13) / 13.0)).ToArray();
        var state = be.Allocate(Math.Max(1, initial.Length)).All.Slice(0, initial.Length);
        be.Upload(initial, state);
        var p = be.Allocate(Math.Max(1, theta.Length)).All.Slice(0, theta.Length);
        var input = be.Allocate(x.Length).All;
        var output = be.Allocate(rows * plan.OutputWidth).All;
        var workspace = be.Allocate(Math.Max(1, plan.WorkspaceLength(rows))).All;
        be.Upload(theta, p);
        be.Upload(x, input);
        return (p, input, output, workspace, state);
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
