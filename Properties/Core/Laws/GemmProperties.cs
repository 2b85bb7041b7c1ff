using Pure.Core.Backends;
using Pure.Properties.Support;

namespace Pure.Properties;

/// <summary>The GEMM against a naive triple loop, for every transpose case, α, β and awkward sizes.</summary>
public class GemmProperties
{

    [SeededProperty]
    public void Gemm_equals_the_naive_product_for_every_transpose(Seed seed)
    {
        var rng = seed.Rng;
        var be = new CpuBackend<double>();
        var (m, n, k) = (1 + rng.Below(0, 17), 1 + rng.Below(1, 17), 1 + rng.Below(2, 17));
        var (alpha, beta) = (rng.Uniform(3) * 3 - 1.5, new[] { 0.0, 1.0, 0.25 }[rng.Below(4, 3)]);
        foreach (var (ta, tb) in new[] { (Transpose.No, Transpose.No), (Transpose.No, Transpose.Yes), (Transpose.Yes, Transpose.No), (Transpose.Yes, Transpose.Yes) })
        {
            var a = GradientCheck.Random(rng.Fold(1), m * k, 1);
            var b = GradientCheck.Random(rng.Fold(2), k * n, 1);
            var c0 = GradientCheck.Random(rng.Fold(3), m * n, 1);
            double A(int i, int p) => ta == Transpose.No ? a[i * k + p] : a[p * m + i];
            double B(int p, int j) => tb == Transpose.No ? b[p * n + j] : b[j * k + p];
            var expected = new double[m * n];
            for (var i = 0; i < m; i++)
                for (var j = 0; j < n; j++)
                {
                    var sum = 0.0;
                    for (var p = 0; p < k; p++) sum += A(i, p) * B(p, j);
                    expected[i * n + j] = alpha * sum + (beta == 0 ? 0 : beta * c0[i * n + j]);
                }
            var (ab, bb, cb) = (be.Allocate(a.Length).All, be.Allocate(b.Length).All, be.Allocate(c0.Length).All);
            be.Upload(a, ab);
            be.Upload(b, bb);
            be.Upload(beta == 0 ? c0.Select(_ => double.NaN).ToArray() : c0, cb); // β = 0 must ignore C, NaN included
            be.Gemm(ta, tb, m, n, k, alpha, ab, bb, beta, cb);
            var c = new double[m * n];
            be.Download(cb, c);
            for (var i = 0; i < c.Length; i++) Assert.True(Math.Abs(c[i] - expected[i]) < 1e-12, $"{ta}{tb} {m}×{n}×{k} α {alpha} β {beta}: [{i}] {c[i]} vs {expected[i]}");
        }
    }
}
