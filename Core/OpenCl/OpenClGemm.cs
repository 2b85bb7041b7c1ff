using LanguageExt;

namespace Pure.Core.Backends.OpenCl;

/// <summary>
/// The tiled matrix multiply (<c>Kernels/gemm.cl</c>) built for one context, with its tile sizes: a work-group
/// computes a <see cref="Tile"/>² block of C, each work-item <see cref="PerItem"/>², k staged <see cref="Depth"/> at a time.
/// </summary>
public sealed class OpenClGemm
{
    readonly OpenClContext context;
    readonly OpenClProgram program;

    OpenClGemm(OpenClContext context, OpenClProgram program, int tile, int perItem, int depth)
    {
        this.context = context;
        this.program = program;
        (Tile, PerItem, Depth) = (tile, perItem, depth);
    }

    /// <summary>The side of the block of C a work-group computes.</summary>
    public int Tile { get; }
    /// <summary>The side of the block of C each work-item computes (register blocking).</summary>
    public int PerItem { get; }
    /// <summary>How many k a work-group stages through local memory at a time.</summary>
    public int Depth { get; }

    /// <summary>
    /// Builds the kernel with tiles chosen from the device's description: a GPU gets 64×64 tiles of 8×8 per
    /// work-item (64 work-items, 64 accumulators each, 8 KB of local memory: within every current GPU's limits),
    /// other devices 32×32 of 4×4, and a device whose work-groups are smaller than 64 gets 8×8 of 2×2.
    /// </summary>
    public static Fin<OpenClGemm> Build(OpenClContext context)
    {
        var (tile, perItem, depth) = context.Device.MaxWorkGroupSize < 64 ? (8, 2, 8) : context.Device.Type == "GPU" ? (64, 8, 16) : (32, 4, 16);
        return Build(context, tile, perItem, depth);
    }

    /// <summary>The tilings a tuning pass tries: a GPU's, a CPU's, a small work-group's.</summary>
    public static IReadOnlyList<(int Tile, int PerItem, int Depth)> Candidates { get; } = [(64, 8, 16), (32, 4, 16), (8, 2, 8)];

    /// <summary>
    /// A short tuning pass: every candidate tiling that builds and fits the device multiplies two
    /// <paramref name="size"/>² matrices (after one untimed run), and the fastest is kept; an error only when none
    /// builds. The winner is stored in the context's cache under the device and kernel, and a later pass on the
    /// same device takes it from there without timing anything.
    /// </summary>
    public static Fin<OpenClGemm> Tune(OpenClContext context, int size = 1024)
    {
        var key = context.Device.CacheKey("gemm-tiling", $"{size}\n{KernelSource.Read("gemm")}");
        if (context.Cache?.Load(key) is { } saved && Tiling(saved) is { } known && Build(context, known.Tile, known.PerItem, known.Depth) is { IsSucc: true } remembered)
            return remembered;
        var built = Candidates.Select(c => Build(context, c.Tile, c.PerItem, c.Depth)).Where(g => g.IsSucc).Select(g => g.ThrowIfFail()).ToArray();
        if (built.Length == 0) return Build(context);
        using var a = context.Allocate(size * size);
        using var b = context.Allocate(size * size);
        using var c = context.Allocate(size * size);
        context.Fill(0.5f, a, 0, size * size);
        context.Fill(0.25f, b, 0, size * size);
        double Seconds(OpenClGemm gemm)
        {
            gemm.Multiply(Transpose.No, Transpose.Yes, size, size, size, 1f, a.All, b.All, 0f, c.All);
            context.Finish();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            gemm.Multiply(Transpose.No, Transpose.Yes, size, size, size, 1f, a.All, b.All, 0f, c.All);
            context.Finish();
            return clock.Elapsed.TotalSeconds;
        }
        var fastest = built.MinBy(Seconds)!;
        context.Cache?.Store(key, System.Text.Encoding.ASCII.GetBytes(Text((fastest.Tile, fastest.PerItem, fastest.Depth))));
        return fastest;
    }

    /// <summary>A stored tiling, when it is one of the <see cref="Candidates"/> (anything else is ignored and tuned again).</summary>
    static (int Tile, int PerItem, int Depth)? Tiling(byte[] saved) =>
        Candidates.Where(c => Text(c) == System.Text.Encoding.ASCII.GetString(saved)).Select(c => ((int, int, int)?)c).FirstOrDefault();

    static string Text((int Tile, int PerItem, int Depth) tiling) => $"{tiling.Tile} {tiling.PerItem} {tiling.Depth}";

    /// <summary>The kernel with the given tiles: <paramref name="tile"/> a multiple of <paramref name="perItem"/>, (tile/perItem)² work-items a group.</summary>
    public static Fin<OpenClGemm> Build(OpenClContext context, int tile, int perItem, int depth) =>
        tile % perItem != 0 || (long)(tile / perItem) * (tile / perItem) > context.Device.MaxWorkGroupSize
            ? LanguageExt.Common.Error.New($"{context.Device.Id}: GEMM tiles {tile}/{perItem} do not fit its work-groups of {context.Device.MaxWorkGroupSize}")
            : context.Build($"gemm {tile}×{tile}/{perItem}×{perItem}/{depth}", KernelSource.Read("gemm"), $"-cl-std=CL1.2 -DTS={tile} -DWPT={perItem} -DTK={depth}")
                .Map(p => new OpenClGemm(context, p, tile, perItem, depth));

    /// <summary>C = α·op(A)·op(B) + β·C on the device (the seam's GEMM contract), enqueued without waiting.</summary>
    public void Multiply(Transpose transA, Transpose transB, int m, int n, int k, float alpha, View<float> a, View<float> b, float beta, View<float> c)
    {
        if (m == 0 || n == 0) return;
        var group = (nuint)(Tile / PerItem);
        program.Kernel("gemm")
            .Set(0, transA == Transpose.Yes ? 1 : 0).Set(1, transB == Transpose.Yes ? 1 : 0).Set(2, m).Set(3, n).Set(4, k).Set(5, alpha)
            .Set(6, Mem(a)).Set(7, a.Offset).Set(8, Mem(b)).Set(9, b.Offset).Set(10, beta).Set(11, Mem(c)).Set(12, c.Offset)
            .Run([(nuint)((m + Tile - 1) / Tile) * group, (nuint)((n + Tile - 1) / Tile) * group], [group, group]);
    }

    static OpenClBuffer Mem(View<float> v) => (OpenClBuffer)v.Buffer;
}
