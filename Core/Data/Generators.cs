using System.Numerics;
using Pure.Core.Tensors;

namespace Pure.Core.Data;

/// <summary>
/// Small synthetic datasets for checking that a network can learn at all. Classification sets have a single
/// target column holding the class index (0, 1, 2, … as float); <see cref="Sine"/> holds the real value. Every
/// random number comes from the given key, so the same key gives a bit-identical dataset. Bad arguments are
/// programming errors here, so they throw <see cref="ArgumentOutOfRangeException"/>.
/// </summary>
public static class Generators
{
    static readonly float[] GateInputs = [0, 0, 0, 1, 1, 0, 1, 1];

    /// <summary>The AND truth table over (0,0), (0,1), (1,0), (1,1).</summary>
    public static Dataset And() => Gate(static (a, b) => a & b);

    /// <summary>The OR truth table over (0,0), (0,1), (1,0), (1,1).</summary>
    public static Dataset Or() => Gate(static (a, b) => a | b);

    /// <summary>The NAND truth table over (0,0), (0,1), (1,0), (1,1).</summary>
    public static Dataset Nand() => Gate(static (a, b) => !(a & b));

    /// <summary>The NOR truth table over (0,0), (0,1), (1,0), (1,1).</summary>
    public static Dataset Nor() => Gate(static (a, b) => !(a | b));

    /// <summary>The XOR truth table: the classic set no single linear unit separates (Minsky &amp; Papert 1969).</summary>
    public static Dataset Xor() => Gate(static (a, b) => a ^ b);

    /// <summary>
    /// All 2^bits vectors of bits (row i holds the binary digits of i, most significant first) labelled with their
    /// XOR, i.e. popcount mod 2: XOR generalised, hard because flipping any one input flips the label.
    /// </summary>
    public static Dataset Parity(int bits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bits, 16);
        var rows = 1 << bits;
        var features = Matrix.Create(rows, bits, bits, static (dst, bits) =>
        {
            for (var i = 0; i < dst.Length / bits; i++)
                for (var c = 0; c < bits; c++)
                    dst[i * bits + c] = (i >> (bits - 1 - c)) & 1;
        });
        var labels = Matrix.Create(rows, 1, 0, static (dst, _) =>
        {
            for (var i = 0; i < dst.Length; i++) dst[i] = BitOperations.PopCount((uint)i) & 1;
        });
        return Pair(features, labels);
    }

    /// <summary>
    /// Two interleaved half circles, after scikit-learn's make_moons: n/2 (rounded down) outer points
    /// (cos t, sin t) labelled 0 and the rest inner points (1 − cos t, 1 − sin t − 0.5) labelled 1, t evenly
    /// spaced over [0, π] with both ends; then N(0, noise²) added to each coordinate and the rows shuffled.
    /// </summary>
    public static Dataset Moons(int n, double noise, Rng rng)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        RequireNonNegative(noise, nameof(noise));
        var (noiseKey, shuffleKey) = rng.Split();
        var outer = n / 2;
        var points = new double[2 * n];
        var labels = new float[n];
        for (var i = 0; i < outer; i++)
        {
            var t = Linspace(0, Math.PI, outer, i, endpoint: true);
            (points[2 * i], points[2 * i + 1]) = (Math.Cos(t), Math.Sin(t));
        }
        for (var i = 0; i < n - outer; i++)
        {
            var t = Linspace(0, Math.PI, n - outer, i, endpoint: true);
            var r = outer + i;
            (points[2 * r], points[2 * r + 1]) = (1 - Math.Cos(t), 1 - Math.Sin(t) - 0.5);
            labels[r] = 1;
        }
        return Noisy(points, 2, labels, noise, noiseKey).Shuffle(shuffleKey);
    }

    /// <summary>
    /// Two concentric circles, after scikit-learn's make_circles: n/2 (rounded down) points on the unit circle
    /// labelled 0 and the rest on the circle of radius <paramref name="factor"/> (in [0, 1)) labelled 1, angles
    /// evenly spaced over [0, 2π) without the end point; then N(0, noise²) per coordinate and the rows shuffled.
    /// </summary>
    public static Dataset Circles(int n, double noise, double factor, Rng rng)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        RequireNonNegative(noise, nameof(noise));
        if (!(factor >= 0 && factor < 1))
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "must lie in [0, 1)");
        var (noiseKey, shuffleKey) = rng.Split();
        var outer = n / 2;
        var points = new double[2 * n];
        var labels = new float[n];
        for (var i = 0; i < outer; i++)
        {
            var t = Linspace(0, 2 * Math.PI, outer, i, endpoint: false);
            (points[2 * i], points[2 * i + 1]) = (Math.Cos(t), Math.Sin(t));
        }
        for (var i = 0; i < n - outer; i++)
        {
            var t = Linspace(0, 2 * Math.PI, n - outer, i, endpoint: false);
            var r = outer + i;
            (points[2 * r], points[2 * r + 1]) = (factor * Math.Cos(t), factor * Math.Sin(t));
            labels[r] = 1;
        }
        return Noisy(points, 2, labels, noise, noiseKey).Shuffle(shuffleKey);
    }

    /// <summary>
    /// The CS231n spiral (Karpathy, "Neural Networks Case Study"): for class j, radius r = linspace(0, 1, N) and
    /// angle t = linspace(4j, 4(j+1), N) + noise·N(0, 1), point (r·sin t, r·cos t); 0.2 is the course's noise.
    /// Rows are grouped by class, as in the course (class j holds rows j·N … j·N + N − 1): shuffle before batching.
    /// </summary>
    public static Dataset Spirals(int pointsPerClass, int classes, double noise, Rng rng)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pointsPerClass, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        RequireNonNegative(noise, nameof(noise));
        var n = checked(pointsPerClass * classes);
        var points = new double[2 * n];
        var labels = new float[n];
        for (var j = 0; j < classes; j++)
            for (var i = 0; i < pointsPerClass; i++)
            {
                var row = j * pointsPerClass + i;
                var r = Linspace(0, 1, pointsPerClass, i, endpoint: true);
                var t = Linspace(4 * j, 4 * (j + 1), pointsPerClass, i, endpoint: true) + noise * rng.Normal((ulong)row);
                (points[2 * row], points[2 * row + 1]) = (r * Math.Sin(t), r * Math.Cos(t));
                labels[row] = j;
            }
        return Pair(Frozen(n, 2, Array.ConvertAll(points, p => (float)p)), Matrix.Column(labels));
    }

    /// <summary>
    /// Isotropic Gaussian clusters, after scikit-learn's make_blobs: centres uniform in [−10, 10]² (its default
    /// center_box), n points split as evenly as possible (the first n mod centers clusters get one extra),
    /// N(0, std²) per coordinate around the centre, label = cluster index, rows shuffled.
    /// </summary>
    public static Dataset Blobs(int n, int centers, double std, Rng rng)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(centers, 1);
        RequireNonNegative(std, nameof(std));
        var (centreKey, rest) = rng.Split();
        var (noiseKey, shuffleKey) = rest.Split();
        var points = new double[2 * n];
        var labels = new float[n];
        var row = 0;
        for (var k = 0; k < centers; k++)
        {
            var cx = -10 + 20 * centreKey.Uniform((ulong)(2 * k));
            var cy = -10 + 20 * centreKey.Uniform((ulong)(2 * k + 1));
            var count = n / centers + (k < n % centers ? 1 : 0);
            for (var i = 0; i < count; i++, row++)
            {
                (points[2 * row], points[2 * row + 1]) = (cx, cy);
                labels[row] = k;
            }
        }
        return Noisy(points, 2, labels, std, noiseKey).Shuffle(shuffleKey);
    }

    /// <summary>
    /// A regression set: x uniform on [−π, π] and target sin(x) + noise·N(0, 1). The target is computed from x
    /// after rounding to float, so with no noise it is exactly sin of the stored input.
    /// </summary>
    public static Dataset Sine(int n, Rng rng, double noise = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        RequireNonNegative(noise, nameof(noise));
        var (inputKey, noiseKey) = rng.Split();
        var x = new float[n];
        var y = new float[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = (float)(-Math.PI + 2 * Math.PI * inputKey.Uniform((ulong)i));
            y[i] = (float)(Math.Sin(x[i]) + noise * noiseKey.Normal((ulong)i));
        }
        return Pair(Matrix.Column(x), Matrix.Column(y));
    }

    /// <summary>
    /// TensorFlow Playground's XOR: points uniform on [−1, 1]², each coordinate pushed 0.05 away from 0 (so no
    /// point sits on an axis), labelled 1 where x₁·x₂ &gt; 0; then N(0, noise²) per coordinate. The labels come from
    /// the clean point, so noise blurs the quadrants.
    /// </summary>
    public static Dataset XorQuadrants(int n, double noise, Rng rng)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        RequireNonNegative(noise, nameof(noise));
        var (pointKey, noiseKey) = rng.Split();
        var points = new double[2 * n];
        var labels = new float[n];
        for (var i = 0; i < 2 * n; i++)
        {
            var u = 2 * pointKey.Uniform((ulong)i) - 1;
            points[i] = u + (u >= 0 ? 0.05 : -0.05);
        }
        for (var i = 0; i < n; i++) labels[i] = points[2 * i] * points[2 * i + 1] > 0 ? 1 : 0;
        return Noisy(points, 2, labels, noise, noiseKey);
    }

    /// <summary>
    /// A regression in two inputs, x uniform on [−1, 1]²: <paramref name="sine"/> gives y = sin(πx₁)·cos(πx₂/2), else
    /// the plane y = (x₁ + x₂)/2; plus noise·N(0, 1) on y.
    /// </summary>
    public static Dataset Surface(int n, bool sine, double noise, Rng rng)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        RequireNonNegative(noise, nameof(noise));
        var (pointKey, noiseKey) = rng.Split();
        var x = new float[2 * n];
        var y = new float[n];
        for (var i = 0; i < 2 * n; i++) x[i] = (float)(2 * pointKey.Uniform((ulong)i) - 1);
        for (var i = 0; i < n; i++)
        {
            double a = x[2 * i], b = x[2 * i + 1];
            y[i] = (float)((sine ? Math.Sin(Math.PI * a) * Math.Cos(Math.PI * b / 2) : (a + b) / 2) + noise * noiseKey.Normal((ulong)i));
        }
        return Pair(Frozen(n, 2, x), Matrix.Column(y));
    }

    static Dataset Gate(Func<bool, bool, bool> truth)
    {
        var labels = new float[4];
        for (var i = 0; i < 4; i++) labels[i] = truth(GateInputs[2 * i] == 1, GateInputs[2 * i + 1] == 1) ? 1 : 0;
        return Pair(Frozen(4, 2, GateInputs), Matrix.Column(labels));
    }

    /// <summary>
    /// The spam neuron's toy data: a word count uniform on 0…300 and a link flag (30 % of messages), labelled
    /// spam with probability σ(0.01·words + 0.9·link − 1) — the neuron of the tour, so a single sigmoid unit is
    /// the right model and its weights can be recovered from the data.
    /// </summary>
    public static Dataset Spam(int n, Rng rng)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), n, "at least one message");
        var (words, rest) = rng.Split();
        var (links, labels) = rest.Split();
        var x = new float[2 * n];
        var y = new float[n];
        for (var i = 0; i < n; i++)
        {
            x[2 * i] = words.Below((ulong)i, 301);
            x[2 * i + 1] = links.Uniform((ulong)i) < 0.3 ? 1 : 0;
            var p = Activations.Scalar.Sigmoid(0.01 * x[2 * i] + 0.9 * x[2 * i + 1] - 1);
            y[i] = labels.Uniform((ulong)i) < p ? 1 : 0;
        }
        return Pair(Frozen(n, 2, x), Matrix.Column(y));
    }

    /// <summary>numpy.linspace(start, stop, count, endpoint)[i]: start + i·step, the last point exactly stop.</summary>
    static double Linspace(double start, double stop, int count, int i, bool endpoint)
    {
        var divisions = endpoint ? count - 1 : count;
        if (divisions == 0) return start; // a single point: numpy returns [start]
        return endpoint && i == count - 1 ? stop : start + i * ((stop - start) / divisions);
    }

    /// <summary>Adds N(0, noise²) to each value (the k-th value uses the key's k-th normal), then freezes as float.</summary>
    static Dataset Noisy(double[] points, int cols, float[] labels, double noise, Rng noiseKey)
    {
        var values = new float[points.Length];
        for (var k = 0; k < points.Length; k++)
            values[k] = (float)(noise == 0 ? points[k] : points[k] + noise * noiseKey.Normal((ulong)k));
        return Pair(Frozen(labels.Length, cols, values), Matrix.Column(labels));
    }

    static Matrix Frozen(int rows, int cols, float[] values) =>
        Matrix.Create(rows, cols, values, static (dst, v) => v.AsSpan().CopyTo(dst));

    // The generators build both matrices with the same row count, so Create cannot fail here.
    static Dataset Pair(Matrix features, Matrix targets) => Dataset.Create(features, targets).ThrowIfFail();

    static void RequireNonNegative(double value, string name)
    {
        if (!(value >= 0 && double.IsFinite(value)))
            throw new ArgumentOutOfRangeException(name, value, "must be finite and non-negative");
    }
}
