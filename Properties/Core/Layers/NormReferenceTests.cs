using Pure.Core.Backends;
using Pure.Properties.Support;

namespace Pure.Properties;

/// <summary>
/// Issue 14: LayerNorm and BatchNorm against PyTorch 1.13 in float64 (bench/reference/norms.py, run once; its
/// output pinned here): outputs and gradients of ⟨c, y⟩ on a fixed 3×4 input with γ and β set, BatchNorm's
/// running statistics after three training batches and its evaluation output. The layers run in double here,
/// so they must agree to 1e-12.
/// </summary>
public class NormReferenceTests
{
    static readonly double[] X = [0.5, -1.25, 2.0, 0.75, 3.0, 1.5, -0.5, -2.0, -1.0, 0.25, 0.125, 4.0];
    static readonly double[] C = [1.0, -2.0, 0.5, 0.25, 0.5, 1.0, -1.5, 2.0, -0.75, 0.5, 1.0, -1.0];
    static readonly double[] Theta = [1.5, -0.5, 2.0, 1.0, 0.1, 0.2, -0.3, 0.4]; // γ then β

    sealed class Run
    {
        readonly CpuBackend<double> be = TestBackends.Double;
        readonly LayerPlan plan;
        readonly View<double> p, state, workspace;

        public Run(Layer layer)
        {
            plan = Network.Build(layer, 4).ThrowIfFail().Plan;
            p = Upload(Theta);
            state = Upload(plan.State.SelectMany(s => Enumerable.Repeat((double)s.Initial, s.Length)).ToArray());
            workspace = be.Allocate(Math.Max(1, plan.WorkspaceLength(3))).All;
        }

        View<double> Upload(double[] values)
        {
            var v = be.Allocate(Math.Max(1, values.Length)).All.Slice(0, values.Length);
            be.Upload(values, v);
            return v;
        }

        public double[] Forward(double[] x, Mode mode, out View<double> input, out View<double> output)
        {
            var rows = x.Length / 4;
            input = Upload(x);
            output = be.Allocate(x.Length).All;
            plan.Forward(be, new ForwardPass<double>(rows, input, output, p, workspace, mode, default, state));
            return Read(output, x.Length);
        }

        public (double[] Y, double[] Dx, double[] DTheta) Vjp(double[] x, double[] c)
        {
            var y = Forward(x, Mode.Train, out var input, out var output);
            var (up, dx, dp) = (Upload(c), be.Allocate(x.Length).All, be.Allocate(8).All);
            plan.Backward(be, new BackwardPass<double>(3, input, output, up, dx, p, dp, workspace, Mode.Train, state));
            return (y, Read(dx, x.Length), Read(dp, 8));
        }

        public double[] State => Read(state, plan.StateCount);

        double[] Read(View<double> v, int n)
        {
            var values = new double[n];
            be.Download(v.Slice(0, n), values);
            return values;
        }
    }

    static void Near(double[] expected, double[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-12 * Math.Max(1, Math.Abs(expected[i])), $"{what}[{i}]: {actual[i]:R}, PyTorch {expected[i]:R}");
    }

    [Fact]
    public void LayerNorm_output_and_gradients_equal_pytorchs()
    {
        var (y, dx, dTheta) = new Run(Layers.LayerNorm()).Vjp(X, C);
        Near([0.1, 0.954826603772164, 2.2879769272188484, 0.615664743934904, 2.069593776216641, -0.06261250349555209, -1.3504500139822089, -0.9130625174777608,
            -1.3662670483212136, 0.3573958978423902, -1.0621275053420998, 2.073366913903306], y, "y");
        Near([0.48524567385353423, 0.0012542566930489052, 0.09905498251859224, -0.5855549130651749, 0.5489958102285708, -0.14149386821495588, -1.499834278632245,
            1.09233233661863, -0.7096170272569228, -0.13529069640713828, 1.0465622661511236, -0.2016545424870627], dx, "dx");
        Near([1.389664782899487, 3.3871355242373706, 1.053767989620319, -4.245575762875102, 0.75, -0.5, 0.0, 1.25], dTheta, "dγ, dβ");
    }

    [Fact]
    public void BatchNorm_output_gradients_running_statistics_and_evaluation_equal_pytorchs()
    {
        var run = new Run(Layers.BatchNorm());
        var (y, dx, dTheta) = run.Vjp(X, C);
        Near([-0.20304520675252935, 0.8300594266240795, 2.4456137267807065, 0.33203728990171166, 2.0697938438914405, -0.3929971074108984, -2.261152661986219,
            -0.7893474267200462, -1.5667486371389114, 0.16293768078681886, -1.0844610647944875, 1.6573101368183347], y, "y");
        Near([0.7607050252441898, 0.11607982929028444, -0.5792808496135082, -0.10170857239415705, -0.2852626102670949, 0.13928394833282928, -1.7378925994266603,
            0.055093155756037245, -0.4754424149770947, -0.25536377762311385, 2.317173449040168, 0.04661541663811981], dx, "dx");
        Near([1.2879421286982495, 3.743294240531297, 1.7650373957875969, -3.6529956677829993, 0.75, -0.5, 0.0, 1.25], dTheta, "dγ, dβ");
        run.Forward(X.Select(v => v * 2 + 1).ToArray(), Mode.Train, out _, out _);
        run.Forward(X[..8].Select(v => v - 3).ToArray(), Mode.Train, out _, out _);
        Near([0.1825, -0.15400000000000005, 0.006375000000000047, -0.03325, 2.842250000000001, 1.9431875000000003, 1.7879843750000002, 5.085312500000001],
            run.State, "running mean, running var");
        Near([0.38249000551728934, 0.5931172371983119, 2.6818815826331432, 0.7473290860033341, 2.6068207576219296, -0.3932626919032919, -1.0573893216657386,
            -0.472147436829949, -0.9521084457454949, 0.05509182132470983, -0.12257159559101813, 2.188528612988123], run.Forward(X, Mode.Evaluate, out _, out _), "evaluation y");
    }
}
