using System.Numerics;

namespace Pure.Core.Backends.Cpu;

/// <summary>
/// An optimiser step over the backend's threads: the flat parameter vector cut into ranges (multiples of 64
/// elements), one per thread. The update is memory-bound (θ, g, moments and mask stream through once), so two
/// cores stream twice as fast; every kernel is elementwise, so the bits are those of one thread.
/// </summary>
sealed class ParallelUpdate<T>(WorkerPool pool) : IParallelWork where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Below this many parameters the update is too short to share.</summary>
    public const int SmallestParallel = 1 << 15;

    Gate gate;
    CpuUpdateKernel? kernel;
    UpdateRule rule;
    T[]? theta, grad, state, decay;
    int thetaAt, gradAt, stateAt, decayAt, n, chunk;

    public void Step(CpuUpdateKernel kernel, UpdateRule rule, CpuBuffer<T> theta, int thetaAt, CpuBuffer<T> grad, int gradAt, CpuBuffer<T>? state, int stateAt,
        CpuBuffer<T> decay, int decayAt, int n)
    {
        if (!gate.TryTake())
        {
            CpuOptimiser.StepRange(kernel, rule, theta.Data.AsSpan(thetaAt, n), grad.Data.AsSpan(gradAt, n),
                state is null ? default : state.Data.AsSpan(stateAt), decay.Data.AsSpan(decayAt, n), 0, n);
            return;
        }
        try
        {
            (this.kernel, this.rule, this.n) = (kernel, rule, n);
            (this.theta, this.grad, this.state, this.decay) = (theta.Data, grad.Data, state?.Data, decay.Data);
            (this.thetaAt, this.gradAt, this.stateAt, this.decayAt) = (thetaAt, gradAt, stateAt, decayAt);
            var parts = pool.Size;
            chunk = (n / parts + 63) / 64 * 64;
            pool.Run(this, parts);
        }
        finally
        {
            (this.theta, this.grad, this.state, this.decay, this.kernel) = (null, null, null, null, null);
            gate.Release();
        }
    }

    public void RunPart(int part)
    {
        var start = Math.Min(n, part * chunk);
        var count = Math.Min(n, start + chunk) - start;
        if (count == 0) return;
        CpuOptimiser.StepRange(kernel!, rule, theta.AsSpan(thetaAt, n), grad.AsSpan(gradAt, n),
            state is null ? default : state.AsSpan(stateAt), decay.AsSpan(decayAt, n), start, count);
    }
}
