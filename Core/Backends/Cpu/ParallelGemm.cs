using System.Collections.Concurrent;

namespace Pure.Core.Backends.Cpu;

/// <summary>
/// The packed float GEMM over the backend's threads: C's columns are cut into ranges of whole panels, one per
/// thread, so each element of C is computed by one thread in one fixed order — the same bits for any thread
/// count. Small products stay on the caller's thread. A backend may be called from several threads at once
/// (tests do, and a library user may): the threads and their buffers serve one call at a time, and a call that
/// finds them busy runs on its own thread with packing buffers of its own, kept for the next such call.
/// </summary>
sealed unsafe class ParallelGemm(PackedGemm[] kernels, WorkerPool? pool) : IParallelWork
{
    Gate gate;
    readonly ConcurrentBag<PackedGemm> spares = [];

    /// <summary>Below this many multiply-adds a second thread costs more (waking it) than it saves.</summary>
    const long SmallestParallel = 1 << 18;

    bool transA, transB, overwrite, transposedC;
    int m, n, k, parts, panelsPerPart, extra;
    float alpha;
    nint a, b, c; // pinned by Multiply for the call

    /// <summary>C = α·op(A)·op(B) + (overwrite ? 0 : C), C already scaled by β otherwise; the spans are pinned for the call.</summary>
    public void Multiply(bool transA, bool transB, int m, int n, int k, float alpha, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, bool overwrite)
    {
        // a product narrower than a panel wastes most of each tile: it is computed as Cᵀ = op(B)ᵀ·op(A)ᵀ,
        // its long side across the panels, and stored transposed (the same sums, in the same order)
        var transposedC = n < kernels[0].PanelWidth && m > n;
        if (transposedC)
        {
            (transA, transB, m, n) = (!transB, !transA, n, m);
            var first = a;
            a = b;
            b = first;
        }
        if (!gate.TryTake())
        {
            var spare = spares.TryTake(out var s) ? s : PackedGemm.ForThisMachine()!;
            fixed (float* pa = a, pb = b, pc = c) spare.Multiply(transA, transB, m, n, k, alpha, pa, pb, pc, 0, n, overwrite, transposedC);
            spares.Add(spare);
            return;
        }
        try
        {
            this.transposedC = transposedC;
            Run(transA, transB, m, n, k, alpha, a, b, c, overwrite);
        }
        finally
        {
            gate.Release();
        }
    }

    void Run(bool transA, bool transB, int m, int n, int k, float alpha, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, bool overwrite)
    {
        fixed (float* pa = a, pb = b, pc = c)
        {
            (this.transA, this.transB, this.m, this.n, this.k, this.alpha, this.overwrite) = (transA, transB, m, n, k, alpha, overwrite);
            (this.a, this.b, this.c) = ((nint)pa, (nint)pb, (nint)pc);
            var width = kernels[0].PanelWidth;
            var panels = (n + width - 1) / width;
            parts = pool is null || (long)m * n * k < SmallestParallel ? 1 : Math.Min(pool.Size, panels);
            (panelsPerPart, extra) = (panels / parts, panels % parts);
            if (parts == 1) RunPart(0);
            else pool!.Run(this, parts);
            (this.a, this.b, this.c) = (0, 0, 0);
        }
    }

    /// <summary>Part t: its share of whole panels (the first <c>extra</c> parts one more), on its own packing buffers.</summary>
    public void RunPart(int part)
    {
        var width = kernels[0].PanelWidth;
        var first = part * panelsPerPart + Math.Min(part, extra);
        var count = panelsPerPart + (part < extra ? 1 : 0);
        var j0 = first * width;
        var j1 = Math.Min(n, (first + count) * width);
        if (j0 < j1) kernels[part].Multiply(transA, transB, m, n, k, alpha, (float*)a, (float*)b, (float*)c, j0, j1, overwrite, transposedC);
    }

}
