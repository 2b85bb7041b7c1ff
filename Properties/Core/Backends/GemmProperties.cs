using Pure.Core.Backends;
using Pure.Properties.Support;

namespace Pure.Properties;

/// <summary>
/// The packed, threaded float GEMM against the naive product in double, on shapes chosen at its edges: one
/// element, k = 1, thin and tall, and one below, at and above every tile and block size (MR 6/8, NR 16/32,
/// MC 96, KC 256, NC 2048); every transpose; α and β with 0 and 1; NaN in C where β = 0 must not leak.
/// The same product on 1, 2 and 3 threads must agree bit for bit.
/// </summary>
public class GemmProperties
{
    static readonly int[] Edges = [1, 2, 5, 6, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 95, 96, 97, 129, 255, 256, 257, 300];
    static readonly CpuBackend<float>[] Backends = [TestBackends.Float, new(2), TestBackends.Threaded];

    static IEnumerable<(int M, int N, int K)> Shapes(Rng rng)
    {
        for (ulong i = 0; i < 8; i++)
        {
            int Pick(ulong j) => Edges[rng.Below(3 * i + j, Edges.Length)];
            var (m, n, k) = (Pick(0), Pick(1), Pick(2));
            if ((long)m * n * k < 1_000_000) yield return (m, n, k);
        }
    }

    [SeededProperty(MaxTest = 12)]
    public void Packed_gemm_matches_the_double_product_and_every_thread_count_gives_the_same_bits(Seed seed) => Check(seed.Rng, Shapes(seed.Rng.Fold(1)));

    [Fact]
    public void The_edge_shapes_and_the_flagship_steps_shapes()
    {
        (int, int, int)[] shapes =
        [
            (1, 1, 1),
            (1, 2049, 3),    // past NC, one row
            (97, 1, 257),    // one column, past MC and KC
            (2, 3, 4096),    // a long k, sixteen KC blocks
            (0, 5, 7), (5, 0, 7), (5, 7, 0), // empty
            (64, 256, 784),  // the flagship step's products: forward, backward to the input, weight gradient
            (64, 784, 256),
            (256, 784, 64),
        ];
        Check(Rng.FromSeed(12), shapes);
    }

    static void Check(Rng rng, IEnumerable<(int M, int N, int K)> shapes)
    {
        var draw = 0UL;
        foreach (var (m, n, k) in shapes)
            foreach (var ta in new[] { Transpose.No, Transpose.Yes })
                foreach (var tb in new[] { Transpose.No, Transpose.Yes })
                {
                    var alpha = new[] { 1.0, 0.0, -0.75, 1.5 }[rng.Below(draw++, 4)];
                    var beta = new[] { 0.0, 1.0, 0.5 }[rng.Below(draw++, 3)];
                    var a = Enumerable.Range(0, m * k).Select(_ => (float)rng.Normal(draw++)).ToArray();
                    var b = Enumerable.Range(0, k * n).Select(_ => (float)rng.Normal(draw++)).ToArray();
                    var c0 = Enumerable.Range(0, m * n).Select(_ => beta == 0 ? float.NaN : (float)rng.Normal(draw++)).ToArray();
                    var (expected, tolerances) = DoubleGemm.Of(ta, tb, m, n, k, alpha, a, b, beta, c0);
                    float[]? first = null;
                    foreach (var backend in Backends)
                    {
                        var result = Run(backend, ta, tb, m, n, k, (float)alpha, a, b, (float)beta, c0);
                        var what = $"{backend.Name}: {ta}/{tb} m {m} n {n} k {k} α {alpha} β {beta}";
                        for (var e = 0; e < result.Length; e++)
                        {
                            var tolerance = tolerances[e];
                            if (!(Math.Abs(result[e] - expected[e]) <= tolerance))
                                Assert.Fail($"{what}: C[{e / n}, {e % n}] = {result[e]}, expected {expected[e]} ± {tolerance}");
                        }
                        first ??= result;
                        Assert.True(first.AsSpan().SequenceEqual(result), $"{what}: differs from one thread's bits");
                    }
                }
    }

    static float[] Run(CpuBackend<float> backend, Transpose ta, Transpose tb, int m, int n, int k, float alpha, float[] a, float[] b, float beta, float[] c0)
    {
        using var ba = backend.Allocate(Math.Max(1, a.Length));
        using var bb = backend.Allocate(Math.Max(1, b.Length));
        using var bc = backend.Allocate(Math.Max(1, c0.Length));
        backend.Upload(a, ba.All.Slice(0, a.Length));
        backend.Upload(b, bb.All.Slice(0, b.Length));
        backend.Upload(c0, bc.All.Slice(0, c0.Length));
        backend.Gemm(ta, tb, m, n, k, alpha, ba.All.Slice(0, a.Length), bb.All.Slice(0, b.Length), beta, bc.All.Slice(0, c0.Length));
        var result = new float[c0.Length];
        backend.Download(bc.All.Slice(0, c0.Length), result);
        return result;
    }
}
