using Pure.Core.Tensors;

namespace Pure.Core.Data;

/// <summary>
/// Synthetic datasets. Targets are one column: the class index (0, 1, …) or, for <see cref="Sine"/>, the value.
/// Every generator is a pure function of its arguments and key.
/// </summary>
public static class Generators
{
    static readonly float[] Corners = [0, 0, 0, 1, 1, 0, 1, 1];

    static Dataset Gate(Func<bool, bool, bool> gate) => Dataset.Of(
        Matrix.From(4, 2, Corners).Match(m => m, e => throw new InvalidOperationException(e.Message)),
        Matrix.Column([.. Enumerable.Range(0, 4).Select(i => gate(Corners[2 * i] == 1, Corners[2 * i + 1] == 1) ? 1f : 0f)]));

    /// <summary>The four points (0,0), (0,1), (1,0), (1,1) with a AND b.</summary>
    public static Dataset And() => Gate((a, b) => a && b);
    public static Dataset Or() => Gate((a, b) => a || b);
    public static Dataset Nand() => Gate((a, b) => !(a && b));
    public static Dataset Nor() => Gate((a, b) => !(a || b));
    /// <summary>The classic not-linearly-separable problem (Minsky &amp; Papert 1969).</summary>
    public static Dataset Xor() => Gate((a, b) => a ^ b);

    /// <summary>All 2ⁿ bit vectors (most significant bit first) labelled with the XOR of their bits.</summary>
    public static Dataset Parity(int bits)
    {
        if (bits is < 1 or > 16) throw new ArgumentOutOfRangeException(nameof(bits), "1 to 16 bits");
        var rows = 1 << bits;
        var x = Matrix.Create(rows, bits, bits, static (dst, n) =>
        {
            for (var i = 0; i < dst.Length / n; i++)
                for (var b = 0; b < n; b++) dst[i * n + b] = (i >> (n - 1 - b)) & 1;
        });
        var y = Matrix.Create(rows, 1, 0, static (dst, _) =>
        {
            for (var i = 0; i < dst.Length; i++) dst[i] = System.Numerics.BitOperations.PopCount((uint)i) & 1;
        });
        return Dataset.Of(x, y);
    }

    /// <summary>
    /// scikit-learn's make_moons: an upper half circle (class 0) and a lower one shifted by (1, −0.5) (class
    /// 1), N(0, noise²) added to each coordinate, rows shuffled.
    /// </summary>
    public static Dataset Moons(int n, double noise, Rng rng)
    {
        Check(n, noise);
        var outer = n / 2;
        var inner = n - outer;
        var points = new float[2 * n];
        var labels = new float[n];
        for (var i = 0; i < outer; i++)
        {
            var t = Math.PI * i / Math.Max(1, outer - 1);
            (points[2 * i], points[2 * i + 1]) = ((float)Math.Cos(t), (float)Math.Sin(t));
        }
        for (var i = 0; i < inner; i++)
        {
            var t = Math.PI * i / Math.Max(1, inner - 1);
            var r = outer + i;
            (points[2 * r], points[2 * r + 1], labels[r]) = ((float)(1 - Math.Cos(t)), (float)(1 - Math.Sin(t) - 0.5), 1);
        }
        return Noisy(points, labels, noise, rng);
    }

    /// <summary>scikit-learn's make_circles: radius 1 (class 0) and radius <paramref name="factor"/> (class 1), noisy, shuffled.</summary>
    public static Dataset Circles(int n, double noise, double factor, Rng rng)
    {
        Check(n, noise);
        if (factor is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(factor), "must be in (0, 1)");
        var outer = n / 2;
        var inner = n - outer;
        var points = new float[2 * n];
        var labels = new float[n];
        for (var i = 0; i < n; i++)
        {
            var isInner = i >= outer;
            var k = isInner ? i - outer : i;
            var t = 2 * Math.PI * k / (isInner ? inner : outer);
            var r = isInner ? factor : 1;
            (points[2 * i], points[2 * i + 1], labels[i]) = ((float)(r * Math.Cos(t)), (float)(r * Math.Sin(t)), isInner ? 1 : 0);
        }
        return Noisy(points, labels, noise, rng);
    }

    /// <summary>CS231n's spirals: class j has radius r = 0…1 and angle t = 4j…4(j+1) + noise·N(0,1); x = (r sin t, r cos t).</summary>
    public static Dataset Spirals(int pointsPerClass, int classes, double noise, Rng rng)
    {
        Check(pointsPerClass, noise);
        if (classes < 2) throw new ArgumentOutOfRangeException(nameof(classes), "at least 2");
        var n = pointsPerClass * classes;
        var points = new float[2 * n];
        var labels = new float[n];
        var (angles, order) = rng.Split();
        for (var j = 0; j < classes; j++)
            for (var i = 0; i < pointsPerClass; i++)
            {
                var k = j * pointsPerClass + i;
                var r = pointsPerClass == 1 ? 0 : (double)i / (pointsPerClass - 1);
                var t = 4.0 * j + 4.0 * r + noise * angles.Normal((ulong)k);
                (points[2 * k], points[2 * k + 1], labels[k]) = ((float)(r * Math.Sin(t)), (float)(r * Math.Cos(t)), j);
            }
        return Shuffled(points, labels, order);
    }

    /// <summary>Gaussian blobs: centres uniform in [−10, 10]², n points split as evenly as possible, N(0, std²) around each.</summary>
    public static Dataset Blobs(int n, int centers, double std, Rng rng)
    {
        Check(n, std);
        if (centers < 1) throw new ArgumentOutOfRangeException(nameof(centers), "at least 1");
        var (centreKey, rest) = rng.Split();
        var (noiseKey, order) = rest.Split();
        var points = new float[2 * n];
        var labels = new float[n];
        for (var i = 0; i < n; i++)
        {
            var c = i % centers;
            labels[i] = c;
            points[2 * i] = (float)(-10 + 20 * centreKey.Uniform((ulong)(2 * c)) + std * noiseKey.Normal((ulong)(2 * i)));
            points[2 * i + 1] = (float)(-10 + 20 * centreKey.Uniform((ulong)(2 * c + 1)) + std * noiseKey.Normal((ulong)(2 * i + 1)));
        }
        return Shuffled(points, labels, order);
    }

    /// <summary>Regression: x uniform on [−π, π], y = sin x (+ noise·N(0, 1)).</summary>
    public static Dataset Sine(int n, Rng rng, double noise = 0)
    {
        Check(n, noise);
        var (xs, ys) = rng.Split();
        var x = new float[n];
        var y = new float[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = (float)(-Math.PI + 2 * Math.PI * xs.Uniform((ulong)i));
            y[i] = (float)(Math.Sin(x[i]) + noise * ys.Normal((ulong)i));
        }
        return Dataset.Of(Matrix.Column(x), Matrix.Column(y));
    }

    static Dataset Noisy(float[] points, float[] labels, double noise, Rng rng)
    {
        var (noiseKey, order) = rng.Split();
        for (var i = 0; i < points.Length; i++) points[i] += (float)(noise * noiseKey.Normal((ulong)i));
        return Shuffled(points, labels, order);
    }

    static Dataset Shuffled(float[] points, float[] labels, Rng order) =>
        Dataset.Of(Matrix.From(labels.Length, 2, points).Match(m => m, e => throw new InvalidOperationException(e.Message)), Matrix.Column(labels))
            .Shuffle(order);

    static void Check(int n, double noise)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), "at least one point");
        if (!(noise >= 0)) throw new ArgumentOutOfRangeException(nameof(noise), "must be ≥ 0");
    }
}
