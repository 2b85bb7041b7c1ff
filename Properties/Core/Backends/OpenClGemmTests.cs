using Pure.Core.Backends;
using Pure.Core.Backends.OpenCl;
using Pure.Properties.Support;

namespace Pure.Properties;

/// <summary>
/// Issue 13: the OpenCL tiled GEMM against the product in double, on shapes at and around its tiles (1, 3, 17,
/// 65, 257 and the flagship's), every transpose, α and β with 0 and 1, NaN in C where β = 0, offsets into buffers.
/// </summary>
[Trait("Category", "OpenCl")]
public class OpenClGemmTests
{
    static readonly (int M, int N, int K)[] Shapes =
    [
        (1, 1, 1), (3, 17, 65), (17, 3, 1), (65, 257, 17), (257, 65, 3), (1, 257, 257), (257, 1, 65), (33, 31, 16), (64, 256, 784), (64, 10, 128), (256, 784, 64),
    ];

    /// <summary>Every tiling a device may get (the CPU's, a GPU's, a small work-group's), whichever this device uses.</summary>
    public static TheoryData<int, int, int> Tilings => new() { { 32, 4, 16 }, { 64, 8, 16 }, { 8, 2, 8 } };

    [OpenClTheory]
    [MemberData(nameof(Tilings))]
    public void Every_transpose_and_shape_matches_the_double_product(int tile, int perItem, int depth)
    {
        var context = OpenClFixture.Context;
        var gemm = OpenClGemm.Build(context, tile, perItem, depth).ThrowIfFail();
        var rng = Rng.FromSeed(13);
        ulong draw = 0;
        foreach (var (m, n, k) in Shapes)
            foreach (var ta in new[] { Transpose.No, Transpose.Yes })
                foreach (var tb in new[] { Transpose.No, Transpose.Yes })
                {
                    var alpha = new[] { 1.0f, -0.75f, 1.5f }[rng.Below(draw++, 3)];
                    var beta = new[] { 0.0f, 1.0f, 0.5f }[rng.Below(draw++, 3)];
                    float[] Values(int count) => Enumerable.Range(0, count).Select(_ => (float)rng.Normal(draw++)).ToArray();
                    var (a, b) = (Values(m * k), Values(k * n));
                    var c0 = beta == 0 ? Enumerable.Repeat(float.NaN, m * n).ToArray() : Values(m * n);
                    // the operands sit at offsets inside larger buffers, as a network's views do
                    using var ba = context.Allocate(a.Length + 5);
                    using var bb = context.Allocate(b.Length + 7);
                    using var bc = context.Allocate(c0.Length + 3);
                    context.Write(a, ba, 5);
                    context.Write(b, bb, 7);
                    context.Write(c0, bc, 3);
                    gemm.Multiply(ta, tb, m, n, k, alpha, new View<float>(ba, 5, a.Length), new View<float>(bb, 7, b.Length), beta, new View<float>(bc, 3, c0.Length));
                    var result = new float[c0.Length];
                    context.Read(bc, 3, result);
                    var (expected, tolerance) = DoubleGemm.Of(ta, tb, m, n, k, alpha, a, b, beta, c0);
                    for (var e = 0; e < result.Length; e++)
                        Assert.True(Math.Abs(result[e] - expected[e]) <= tolerance[e],
                            $"{context.Device.Name}: {ta}/{tb} {m}×{n}×{k} α {alpha} β {beta}: C[{e / n}, {e % n}] = {result[e]}, expected {expected[e]} ± {tolerance[e]}");
                }
    }

    /// <summary>The tuning pass (run on GPUs when a backend is made) keeps one of the candidate tilings, and it multiplies correctly.</summary>
    [OpenClFact]
    public void The_tuning_pass_keeps_a_candidate_that_multiplies_correctly()
    {
        var context = OpenClFixture.Context;
        var gemm = OpenClGemm.Tune(context, size: 256).ThrowIfFail();
        Assert.Contains((gemm.Tile, gemm.PerItem, gemm.Depth), OpenClGemm.Candidates);
        AssertMultipliesASmallProduct(context, gemm);
    }

    /// <summary>[1 2 3; 4 5 6]·[7 8; 9 10; 11 12] = [58 64; 139 154] through <paramref name="gemm"/>.</summary>
    internal static void AssertMultipliesASmallProduct(OpenClContext context, OpenClGemm gemm)
    {
        float[] a = [1, 2, 3, 4, 5, 6], b = [7, 8, 9, 10, 11, 12];
        using var ba = context.Allocate(6);
        using var bb = context.Allocate(6);
        using var bc = context.Allocate(4);
        context.Write(a, ba, 0);
        context.Write(b, bb, 0);
        gemm.Multiply(Transpose.No, Transpose.No, 2, 2, 3, 1f, ba.All, bb.All, 0f, bc.All);
        var c = new float[4];
        context.Read(bc, 0, c);
        Assert.Equal([58f, 64f, 139f, 154f], c);
    }

    [OpenClFact]
    public void A_program_that_does_not_build_returns_the_compilers_log()
    {
        var e = OpenClFixture.Context.Build("broken", "__kernel void k(__global float* x) { x[0] = undeclared; }");
        Assert.True(e.IsFail);
        var message = e.Match(_ => "", err => err.Message);
        Assert.Contains("program broken does not build", message);
        Assert.Contains("undeclared", message);
    }

    [OpenClFact]
    public void Buffers_round_trip_fill_and_copy_at_offsets()
    {
        var context = OpenClFixture.Context;
        using var x = context.Allocate(10);
        using var y = context.Allocate(10);
        context.Fill(float.NaN, x, 0, 10);
        context.Write([1f, 2f, 3f], x, 4);
        context.Fill(-2.5f, y, 0, 10);
        context.Copy(x, 4, y, 1, 3);
        var back = new float[10];
        context.Read(y, 0, back);
        Assert.Equal([-2.5f, 1f, 2f, 3f, -2.5f, -2.5f, -2.5f, -2.5f, -2.5f, -2.5f], back);
        context.Read(x, 0, back);
        Assert.True(float.IsNaN(back[0]) && back[4] == 1f && float.IsNaN(back[9]));
    }
}
