using System.Globalization;
using System.Text;
using LanguageExt;
using Pure.Core.Activations;

namespace Pure.Core.Backends.OpenCl;

/// <summary>
/// The activation kernels, generated from the catalogue (each entry's <see cref="Activation.OpenCl"/>
/// expressions): one forward and one backward kernel per activation, named by its position in
/// <see cref="Activation.All"/>, so adding an activation to the catalogue adds its kernels here.
/// </summary>
public sealed class OpenClActivations
{
    readonly OpenClProgram program;
    readonly Dictionary<string, int> index;

    /// <summary>The kernels in <paramref name="program"/>, built from <see cref="Source"/> (alone or as part of a larger program).</summary>
    public OpenClActivations(OpenClProgram program)
    {
        this.program = program;
        index = Activation.All.Select((a, i) => (a.Id, i)).ToDictionary(p => p.Id, p => p.i);
    }

    /// <summary>The activation kernels (generated from the catalogue) built for <paramref name="context"/>, or the compiler's log.</summary>
    public static Fin<OpenClActivations> Build(OpenClContext context) =>
        context.Build("activations", Source()).Map(p => new OpenClActivations(p));

    /// <summary>The program's source: the helpers, then a value and a gradient function and their two kernels per activation.</summary>
    public static string Source()
    {
        var s = new StringBuilder(KernelSource.Read("activation_prelude"));
        foreach (var (f, i) in Activation.All.Select((f, i) => (f, i)))
        {
            var code = f.OpenCl ?? throw new InvalidOperationException($"activation {f.Id} has no OpenCL expressions in the catalogue");
            s.Append(CultureInfo.InvariantCulture, $$"""

                // {{f.Id}}
                inline float value_{{i}}(const float z, const float alpha) { return {{code.Value}}; }
                inline float gradient_{{i}}(const float z, const float a, const float da, const float alpha) { return {{code.Gradient}}; }
                __kernel void forward_{{i}}(const int n, const float alpha, const __global float* zs, const int zo, __global float* av, const int ao) {
                    const int i = get_global_id(0);
                    if (i < n) av[ao + i] = value_{{i}}(zs[zo + i], alpha);
                }
                __kernel void bias_forward_{{i}}(const int n, const int cols, const float alpha, __global float* zs, const int zo,
                                                 const __global float* bias, const int bo, __global float* av, const int ao) {
                    const int i = get_global_id(0);
                    if (i >= n) return;
                    const float z = zs[zo + i] + bias[bo + i % cols];
                    zs[zo + i] = z;
                    av[ao + i] = value_{{i}}(z, alpha);
                }
                __kernel void backward_{{i}}(const int n, const float alpha, const __global float* zs, const int zo, const __global float* av, const int ao,
                                             const __global float* das, const int dao, __global float* dzs, const int dzo) {
                    const int i = get_global_id(0);
                    if (i < n) dzs[dzo + i] = gradient_{{i}}(zs[zo + i], av[ao + i], das[dao + i], alpha);
                }

                """);
        }
        return s.ToString();
    }

    /// <summary>a = f(z) elementwise.</summary>
    public void Forward(Activation f, View<float> z, View<float> a)
    {
        if (z.Length == 0) return;
        program.Kernel($"forward_{Index(f)}").Set(0, z.Length).Set(1, (float)f.Alpha).Set(2, Mem(z)).Set(3, z.Offset).Set(4, Mem(a)).Set(5, a.Offset)
            .Run([(nuint)z.Length]);
    }

    /// <summary>z[r, c] += bias[c] and a = f(z), in one kernel.</summary>
    public void BiasForward(Activation f, View<float> z, int rows, int cols, View<float> bias, View<float> a)
    {
        if (rows * cols == 0) return;
        program.Kernel($"bias_forward_{Index(f)}").Set(0, rows * cols).Set(1, cols).Set(2, (float)f.Alpha).Set(3, Mem(z)).Set(4, z.Offset)
            .Set(5, Mem(bias)).Set(6, bias.Offset).Set(7, Mem(a)).Set(8, a.Offset).Run([(nuint)(rows * cols)]);
    }

    /// <summary>dz = the input gradient from z, a = f(z) and the upstream da.</summary>
    public void Backward(Activation f, View<float> z, View<float> a, View<float> da, View<float> dz)
    {
        if (z.Length == 0) return;
        program.Kernel($"backward_{Index(f)}").Set(0, z.Length).Set(1, (float)f.Alpha).Set(2, Mem(z)).Set(3, z.Offset).Set(4, Mem(a)).Set(5, a.Offset)
            .Set(6, Mem(da)).Set(7, da.Offset).Set(8, Mem(dz)).Set(9, dz.Offset).Run([(nuint)z.Length]);
    }

    int Index(Activation f) => index.TryGetValue(f.Id, out var i) ? i : throw new NotSupportedException($"activation '{f.Id}' is not in the catalogue");

    static OpenClBuffer Mem(View<float> v) => (OpenClBuffer)v.Buffer;
}
