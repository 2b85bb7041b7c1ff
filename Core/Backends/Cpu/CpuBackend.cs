using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Pure.Core.Activations;
using Pure.Core.Losses;
using Pure.Core.Tensors;

namespace Pure.Core.Backends.Cpu;

/// <summary>
/// The CPU backend: host arrays, TensorPrimitives for elementwise work, our own GEMM (packed, register-blocked
/// and threaded for float; the plain loops for double, which the gradient properties use). Generic over the
/// element type so the gradient properties can run the very same kernels in double precision. It holds no
/// state between calls but its packing buffers and worker threads: one instance serves any number of networks
/// on one thread at a time, and the thread count never changes a result.
/// </summary>
public sealed class CpuBackend<T> : IBackend<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    readonly WorkerPool? pool;
    readonly ParallelGemm? gemm;
    readonly ParallelUpdate<T>? update;

    /// <summary>A backend using <paramref name="threads"/> threads for its large products (the caller's and threads − 1 workers).</summary>
    public CpuBackend(int threads = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        Threads = threads;
        pool = threads > 1 ? new WorkerPool(threads - 1) : null;
        if (pool is not null) update = new ParallelUpdate<T>(pool);
        if (typeof(T) != typeof(float) || PackedGemm.ForThisMachine() is null) return;
        var kernels = Enumerable.Range(0, threads).Select(_ => PackedGemm.ForThisMachine()!).ToArray();
        gemm = new ParallelGemm(kernels, pool);
    }

    /// <summary>The threads the large products run on.</summary>
    public int Threads { get; }

    /// <inheritdoc/>
    public string Name => $"cpu ({typeof(T).Name.ToLowerInvariant()}, {Threads} thread{(Threads == 1 ? "" : "s")})";

    /// <inheritdoc/>
    public DeviceBuffer<T> Allocate(int length) => new CpuBuffer<T>(length);

    // A default view (no buffer) reads as an empty span: "no gradient wanted", "no optimiser state".
    static Span<T> S(View<T> v) => v.Buffer is null ? default : ((CpuBuffer<T>)v.Buffer).Data.AsSpan(v.Offset, v.Length);

    /// <inheritdoc/>
    public void Upload(ReadOnlySpan<T> source, View<T> destination) => source.CopyTo(S(destination));
    /// <inheritdoc/>
    public void Download(View<T> source, Span<T> destination) => S(source).CopyTo(destination);
    /// <inheritdoc/>
    public void Copy(View<T> source, View<T> destination) => S(source).CopyTo(S(destination));
    /// <inheritdoc/>
    public void Fill(T value, View<T> destination) => S(destination).Fill(value);

    /// <inheritdoc/>
    public void Gemm(Transpose transA, Transpose transB, int m, int n, int k, T alpha, View<T> a, View<T> b, T beta, View<T> c)
    {
        if (gemm is null || (long)m * n * k < PackedGemm.SmallestPacked)
        {
            CpuGemm.Multiply(transA, transB, m, n, k, alpha, S(a), S(b), beta, S(c));
            return;
        }
        Span<T> sa = S(a), sb = S(b), sc = S(c);
        CpuGemm.CheckOperands(m, n, k, sa, sb, sc);
        sc = sc[..(m * n)];
        // β = 0: the first k block writes C, so C's old contents are neither read nor cleared first
        var overwrite = beta == T.Zero && alpha != T.Zero;
        if (!overwrite) CpuGemm.Scale(beta, sc);
        if (alpha == T.Zero) return;
        gemm.Multiply(transA == Transpose.Yes, transB == Transpose.Yes, m, n, k, float.CreateTruncating(alpha),
            MemoryMarshal.Cast<T, float>(sa), MemoryMarshal.Cast<T, float>(sb), MemoryMarshal.Cast<T, float>(sc), overwrite);
    }

    /// <inheritdoc/>
    public void AddRowVector(View<T> x, int rows, int cols, View<T> bias, View<T> destination)
    {
        var src = S(x);
        var dst = S(destination);
        var b = S(bias)[..cols];
        for (var r = 0; r < rows; r++) TensorPrimitives.Add(src.Slice(r * cols, cols), b, dst.Slice(r * cols, cols));
    }

    /// <inheritdoc/>
    public void SumRows(View<T> x, int rows, int cols, T beta, View<T> destination)
    {
        var src = S(x);
        var dst = S(destination)[..cols];
        if (beta == T.Zero) dst.Clear();
        else if (beta != T.One) TensorPrimitives.Multiply(dst, beta, dst);
        for (var r = 0; r < rows; r++) TensorPrimitives.Add(dst, src.Slice(r * cols, cols), dst);
    }

    /// <inheritdoc/>
    public void ActivationForward(Activation f, View<T> z, View<T> a) => CpuActivations.For(f).Forward(S(z), T.CreateTruncating(f.Alpha), S(a));

    /// <inheritdoc/>
    public void BiasActivationForward(Activation f, View<T> z, int rows, int cols, View<T> bias, View<T> a)
    {
        Span<T> zs = S(z), @as = S(a), b = S(bias)[..cols];
        var kernel = CpuActivations.For(f);
        var alpha = T.CreateTruncating(f.Alpha);
        // row by row, so a row is still in L1 when the activation reads what the bias add wrote; a kernel whose
        // bits depend on where a span is cut runs once over the whole matrix, as the unfused pair runs it
        var whole = !kernel.SameBitsInPieces;
        for (var r = 0; r < rows; r++)
        {
            var row = zs.Slice(r * cols, cols);
            TensorPrimitives.Add(row, b, row);
            if (!whole) kernel.Forward(row, alpha, @as.Slice(r * cols, cols));
        }
        if (whole) kernel.Forward(zs[..(rows * cols)], alpha, @as[..(rows * cols)]);
    }

    /// <inheritdoc/>
    public void ActivationBackward(Activation f, View<T> z, View<T> a, View<T> da, View<T> dz) =>
        CpuActivations.For(f).Backward(S(z), S(a), T.CreateTruncating(f.Alpha), S(da), S(dz));

    /// <inheritdoc/>
    public void PReluForward(View<T> z, int rows, int cols, View<T> slope, View<T> a)
    {
        var zs = S(z);
        var s = S(slope);
        var dst = S(a);
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < cols; c++)
            {
                var v = zs[r * cols + c];
                dst[r * cols + c] = v > T.Zero ? v : s[c] * v;
            }
    }

    /// <inheritdoc/>
    public void PReluBackward(View<T> z, int rows, int cols, View<T> slope, View<T> da, View<T> dz, View<T> dSlope)
    {
        var zs = S(z);
        var s = S(slope);
        var up = S(da);
        var down = S(dz);
        var ds = S(dSlope)[..cols];
        ds.Clear();
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < cols; c++)
            {
                var i = r * cols + c;
                var v = zs[i];
                var g = up[i];
                if (v < T.Zero) ds[c] += g * v;
                if (!down.IsEmpty) down[i] = v > T.Zero ? g : s[c] * g;
            }
    }

    /// <inheritdoc/>
    public void SoftmaxForward(View<T> z, int rows, int cols, T temperature, View<T> a)
    {
        var src = S(z);
        var dst = S(a);
        for (var r = 0; r < rows; r++) Softmax.Apply(src.Slice(r * cols, cols), temperature, dst.Slice(r * cols, cols));
    }

    /// <inheritdoc/>
    public void SoftmaxBackward(View<T> a, int rows, int cols, T temperature, View<T> da, View<T> dz)
    {
        var p = S(a);
        var up = S(da);
        var down = S(dz);
        for (var r = 0; r < rows; r++)
        {
            var pr = p.Slice(r * cols, cols);
            var ur = up.Slice(r * cols, cols);
            var dr = down.Slice(r * cols, cols);
            var dot = TensorPrimitives.Dot(ur, pr);
            for (var c = 0; c < cols; c++) dr[c] = pr[c] * (ur[c] - dot) / temperature;
        }
    }

    /// <inheritdoc/>
    public void DropoutForward(Rng rng, T keep, View<T> x, View<T> mask, View<T> y)
    {
        Span<T> src = S(x), m = S(mask), dst = S(y);
        var k = double.CreateTruncating(keep);
        var scale = T.One / keep;
        for (var i = 0; i < m.Length; i++)
        {
            var kept = rng.Uniform((ulong)i) < k ? scale : T.Zero;
            m[i] = kept;
            dst[i] = src[i] * kept;
        }
    }

    /// <inheritdoc/>
    public void NormalizeForward(NormAxis axis, bool fromBatch, View<T> x, int rows, int cols, T epsilon, View<T> gamma, View<T> beta,
        View<T> mean, View<T> variance, View<T> normalised, View<T> y) =>
        CpuNormalisation.Forward(axis, fromBatch, S(x), rows, cols, epsilon, S(gamma), S(beta), S(mean), S(variance), S(normalised), S(y));

    /// <inheritdoc/>
    public void NormalizeBackward(NormAxis axis, bool fromBatch, View<T> normalised, View<T> variance, int rows, int cols, T epsilon, View<T> gamma,
        View<T> dy, View<T> dx, View<T> dGamma, View<T> dBeta) =>
        CpuNormalisation.Backward(axis, fromBatch, S(normalised), S(variance), rows, cols, epsilon, S(gamma), S(dy), S(dx), S(dGamma), S(dBeta));

    /// <inheritdoc/>
    public void UpdateRunningStatistics(View<T> mean, View<T> variance, int count, T momentum, View<T> runningMean, View<T> runningVariance) =>
        CpuNormalisation.UpdateRunning(S(mean), S(variance), count, momentum, S(runningMean), S(runningVariance));

    /// <inheritdoc/>
    public void ClipByGlobalNorm(View<T> gradients, T maxNorm) => CpuNormalisation.ClipByGlobalNorm(S(gradients), maxNorm);

    /// <inheritdoc/>
    public void Multiply(View<T> x, View<T> y, View<T> destination) => TensorPrimitives.Multiply(S(x), S(y), S(destination));

    /// <inheritdoc/>
    public void Add(View<T> x, View<T> y, View<T> destination) => TensorPrimitives.Add(S(x), S(y), S(destination));

    /// <inheritdoc/>
    public void AddL1Gradient(View<T> parameters, View<T> decay, T lambda, View<T> gradients)
    {
        Span<T> theta = S(parameters), mask = S(decay), g = S(gradients);
        for (var i = 0; i < g.Length; i++) g[i] += lambda * mask[i] * T.CreateTruncating(T.Sign(theta[i]));
    }

    /// <inheritdoc/>
    public bool AllFinite(View<T> x)
    {
        foreach (var v in S(x))
            if (!T.IsFinite(v)) return false;
        return true;
    }

    /// <inheritdoc/>
    public T Loss(LossKind kind, View<T> output, View<T> target, int rows, int cols, View<T> gradient) =>
        CpuLosses.Compute(kind, S(output), S(target), rows, cols, S(gradient));

    /// <inheritdoc/>
    public void LossInto(LossKind kind, View<T> output, View<T> target, int rows, int cols, View<T> gradient, View<T> result) =>
        S(result)[0] = Loss(kind, output, target, rows, cols, gradient);

    /// <inheritdoc/>
    public void OptimiserStep(UpdateRule rule, View<T> parameters, View<T> gradients, View<T> state, View<T> decay)
    {
        var n = parameters.Length;
        var kernel = CpuOptimiser.Kernel(rule, n, (ReadOnlySpan<T>)S(state));
        if (update is not null && n >= ParallelUpdate<T>.SmallestParallel)
            update.Step(kernel, rule, (CpuBuffer<T>)parameters.Buffer!, parameters.Offset, (CpuBuffer<T>)gradients.Buffer!, gradients.Offset,
                (CpuBuffer<T>?)state.Buffer, state.Offset, (CpuBuffer<T>)decay.Buffer!, decay.Offset, n);
        else CpuOptimiser.StepRange(kernel, rule, S(parameters), S(gradients), S(state), S(decay), 0, n);
    }

    /// <inheritdoc/>
    public int CountCorrect(View<T> predictions, View<T> targets, int rows, int cols)
    {
        var p = S(predictions);
        var t = S(targets);
        var correct = 0;
        for (var r = 0; r < rows; r++)
            if (ClassOf(p.Slice(r * cols, cols)) == ClassOf(t.Slice(r * cols, cols))) correct++;
        return correct;
    }

    static int ClassOf(ReadOnlySpan<T> row)
    {
        if (row.Length == 1) return row[0] >= T.CreateTruncating(0.5) ? 1 : 0;
        var best = 0;
        for (var c = 1; c < row.Length; c++) if (row[c] > row[best]) best = c;
        return best;
    }

    /// <inheritdoc/>
    public void GatherRows(View<T> source, int cols, ReadOnlySpan<int> rows, View<T> destination)
    {
        var src = S(source);
        var dst = S(destination);
        for (var i = 0; i < rows.Length; i++) src.Slice(rows[i] * cols, cols).CopyTo(dst.Slice(i * cols, cols));
    }

    /// <inheritdoc/>
    public void GatherOneHot(View<T> classes, ReadOnlySpan<int> rows, int cols, View<T> destination)
    {
        var src = S(classes);
        var dst = S(destination);
        dst.Slice(0, rows.Length * cols).Clear();
        for (var i = 0; i < rows.Length; i++)
        {
            var c = int.CreateChecked(src[rows[i]]);
            if ((uint)c >= (uint)cols) throw new ArgumentOutOfRangeException(nameof(classes), c, $"class index outside 0…{cols - 1}");
            dst[i * cols + c] = T.One;
        }
    }

    /// <inheritdoc/>
    public void Dispose() => pool?.Dispose();
}

/// <summary>The library's documented default for its convenience overloads (those that take no backend).</summary>
public static class CpuBackend
{
    /// <summary>A float CPU backend; stateless, so one instance serves every caller.</summary>
    public static IBackend<float> Default { get; } = new CpuBackend<float>();
}
