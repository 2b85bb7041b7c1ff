using Pure.Core.Backends;

namespace Pure.Properties.Support;

/// <summary>
/// C = α·op(A)·op(B) + β·C in double, the oracle of every float GEMM (CPU and OpenCL), and the bound a float
/// product may miss it by: 2⁻²²·(k + 4) times the sum of the magnitudes that went into each element.
/// </summary>
public static class DoubleGemm
{
    public static (double[] Expected, double[] Tolerance) Of(Transpose ta, Transpose tb, int m, int n, int k, double alpha, float[] a, float[] b, double beta, float[] c0)
    {
        var expected = new double[m * n];
        var tolerance = new double[m * n];
        for (var i = 0; i < m; i++)
            for (var j = 0; j < n; j++)
            {
                double sum = 0, magnitude = 0;
                for (var p = 0; p < k; p++)
                {
                    var product = (double)(ta == Transpose.No ? a[i * k + p] : a[p * m + i]) * (tb == Transpose.No ? b[p * n + j] : b[j * k + p]);
                    sum += product;
                    magnitude += Math.Abs(product);
                }
                var old = beta == 0 ? 0 : beta * c0[i * n + j];
                expected[i * n + j] = alpha * sum + old;
                tolerance[i * n + j] = 2e-7 * (k + 4) * (Math.Abs(alpha) * magnitude + Math.Abs(old)) + 1e-30;
            }
        return (expected, tolerance);
    }
}
