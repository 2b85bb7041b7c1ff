using Pure.Core.Backends;
using Pure.Properties.Support;

namespace Pure.Properties;

/// <summary>
/// Issue 13: every catalogue activation's generated OpenCL kernels against its double-precision reference, on
/// values across both tails, and the selects that let a blocked unit pass exactly 0 whatever comes from upstream.
/// </summary>
[Trait("Category", "OpenCl")]
public class OpenClActivationTests
{
    static readonly float[] Zs = [.. Enumerable.Range(-80, 161).Select(i => i / 8f), 0f, -0f, 1e-3f, -1e-3f, 1e-6f, -1e-6f, 25f, -25f, 40f, -40f];

    [OpenClFact]
    public void Every_activation_forward_and_backward_match_the_double_reference()
    {
        var context = OpenClFixture.Context;
        var kernels = OpenClFixture.Activations;
        var n = Zs.Length;
        var da = Zs.Select((_, i) => (float)(0.5 + Math.Sin(i))).ToArray();
        using var z = context.Allocate(n + 2);
        using var a = context.Allocate(n);
        using var up = context.Allocate(n);
        using var dz = context.Allocate(n + 1);
        context.Write(Zs, z, 2);
        context.Write(da, up, 0);
        foreach (var f in Activation.All)
        {
            kernels.Forward(f, new View<float>(z, 2, n), new View<float>(a, 0, n));
            kernels.Backward(f, new View<float>(z, 2, n), new View<float>(a, 0, n), new View<float>(up, 0, n), new View<float>(dz, 1, n));
            var (values, gradients) = (new float[n], new float[n]);
            context.Read(a, 0, values);
            context.Read(dz, 1, gradients);
            for (var i = 0; i < n; i++)
            {
                double expected = f.Value(Zs[i]), slope = da[i] * f.Derivative(Zs[i]);
                Assert.True(Math.Abs(values[i] - expected) <= 2e-6 * Math.Abs(expected) + 1e-6,
                    $"{context.Device.Name}: {f} at {Zs[i]:R}: {values[i]:R}, expected {expected:R}");
                Assert.True(Math.Abs(gradients[i] - slope) <= 2e-6 * Math.Abs(slope) + 1e-6,
                    $"{context.Device.Name}: {f}′ at {Zs[i]:R} (upstream {da[i]:R}): {gradients[i]:R}, expected {slope:R}");
            }
        }
    }

    [OpenClFact]
    public void A_blocked_relu_unit_passes_exactly_zero_even_from_a_non_finite_upstream()
    {
        var context = OpenClFixture.Context;
        using var z = context.Allocate(3);
        using var a = context.Allocate(3);
        using var up = context.Allocate(3);
        using var dz = context.Allocate(3);
        context.Write([-1f, 0f, 2f], z, 0);
        context.Write([float.NaN, float.PositiveInfinity, 3f], up, 0);
        OpenClFixture.Activations.Forward(Activation.Relu, z.All, a.All);
        OpenClFixture.Activations.Backward(Activation.Relu, z.All, a.All, up.All, dz.All);
        var back = new float[3];
        context.Read(dz, 0, back);
        Assert.Equal([0f, 0f, 3f], back);
    }
}
