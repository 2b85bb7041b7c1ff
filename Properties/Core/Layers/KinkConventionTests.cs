using Pure.Core.Backends;
using Pure.Properties.Support;

namespace Pure.Properties;

/// <summary>
/// Issue 11, item 20: at exactly z = 0 every kinked activation takes its left slope, as PyTorch does: ReLU 0,
/// Leaky ReLU α, ELU α, PReLU its learnt slope (before, PReLU took 1 there, unlike Pure's own Leaky ReLU).
/// </summary>
public class KinkConventionTests
{
    static readonly CpuBackend<double> Cpu = TestBackends.Double;

    static double BackwardAtZero(Action<View<double>, View<double>, View<double>> backward)
    {
        var (z, da, dz) = (Cpu.Allocate(1).All, Cpu.Allocate(1).All, Cpu.Allocate(1).All);
        Cpu.Upload([0.0], z);
        Cpu.Upload([1.0], da);
        backward(z, da, dz);
        var result = new double[1];
        Cpu.Download(dz, result);
        return result[0];
    }

    [Fact]
    public void At_zero_each_kinked_activation_passes_its_left_slope()
    {
        var a = Cpu.Allocate(1).All;
        foreach (var (f, left) in new[] { (Activation.Relu, 0.0), (Activation.LeakyRelu(0.2), 0.2), (Activation.Elu(0.5), 0.5) })
        {
            Assert.Equal(left, f.Derivative(0));
            Assert.Equal(left, BackwardAtZero((z, da, dz) => { Cpu.ActivationForward(f, z, a); Cpu.ActivationBackward(f, z, a, da, dz); }));
        }
        var slope = Cpu.Allocate(1).All;
        Cpu.Upload([0.3], slope);
        var dSlope = Cpu.Allocate(1).All;
        Assert.Equal(0.3, BackwardAtZero((z, da, dz) => Cpu.PReluBackward(z, 1, 1, slope, da, dz, dSlope)));
    }
}
