using System.Numerics;
using FsCheck;
using FsCheck.Xunit;
using Pure.Properties.Support;

namespace Pure.Properties.Data;

public class DataTests
{
    // FsCheck hands us arbitrary ints; these fold them into the small ranges the generators are meant for.
    static int Between(int x, int lo, int hi) => lo + (int)((uint)x % (uint)(hi - lo + 1));

    static float[] Column(Matrix m, int c) => Enumerable.Range(0, m.Rows).Select(r => m[r, c]).ToArray();

    static int[] Labels(Dataset d) => Column(d.Targets, 0).Select(v => (int)v).ToArray();

    /// <summary>A dataset whose target is the row's original index, so any reordering can be traced back.</summary>
    static Dataset Indexed(int rows, Rng rng)
    {
        var features = Matrix.Create(rows, 3, rng, static (dst, k) => k.FillNormal(0f, 1f, dst));
        var targets = Matrix.Column(Enumerable.Range(0, rows).Select(i => (float)i).ToArray());
        return Dataset.Create(features, targets).ThrowIfFail();
    }

    // ---------- Dataset ----------

    [Fact]
    public void Create_refuses_mismatched_rows_naming_both_counts()
    {
        var result = Dataset.Create(Matrix.Zeros(7, 2), Matrix.Zeros(11, 1));
        Assert.True(result.IsFail);
        var message = result.Match(_ => "", e => e.Message);
        Assert.Contains("7", message);
        Assert.Contains("11", message);
    }

    [Fact]
    public void Create_reports_shape()
    {
        var d = Dataset.Create(Matrix.Zeros(5, 3), Matrix.Zeros(5, 2)).ThrowIfFail();
        Assert.Equal((5, 3, 2), (d.Rows, d.InputWidth, d.TargetWidth));
    }

    [Property]
    public void Shuffle_is_a_permutation_that_keeps_pairs(long seed, int size)
    {
        var rows = Between(size, 0, 60);
        var (dataKey, shuffleKey) = Rng.FromSeed(seed).Split();
        var original = Indexed(rows, dataKey);
        var shuffled = original.Shuffle(shuffleKey);
        Assert.Equal(rows, shuffled.Rows);
        var origin = Labels(shuffled);
        Assert.Equal(Enumerable.Range(0, rows), origin.Order());
        for (var r = 0; r < rows; r++)
            Assert.True(shuffled.Features.Row(r).SequenceEqual(original.Features.Row(origin[r])));
        Assert.Equal(shuffled, original.Shuffle(shuffleKey));
    }

    [Fact]
    public void Shuffle_actually_reorders()
    {
        var d = Indexed(50, Rng.FromSeed(1));
        Assert.NotEqual(Enumerable.Range(0, 50), Labels(d.Shuffle(Rng.FromSeed(2))));
    }

    [Property]
    public void Split_sizes_and_disjoint_cover(long seed, int size, int tenths)
    {
        var rows = Between(size, 0, 80);
        var fraction = Between(tenths, 0, 9) / 10.0;
        var d = Indexed(rows, Rng.FromSeed(seed));
        var (train, validation) = d.Split(fraction, Rng.FromSeed(seed).Fold(1));
        var expected = (int)Math.Round(fraction * rows, MidpointRounding.AwayFromZero);
        Assert.Equal(expected, validation.Rows);
        Assert.Equal(rows - expected, train.Rows);
        var all = Labels(train).Concat(Labels(validation)).ToArray();
        Assert.Equal(Enumerable.Range(0, rows), all.Order()); // disjoint and together every row once
        foreach (var part in new[] { train, validation })
            for (var r = 0; r < part.Rows; r++)
                Assert.True(part.Features.Row(r).SequenceEqual(d.Features.Row((int)part.Targets[r, 0])));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Split_refuses_fraction_outside_unit_interval(double fraction) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Indexed(10, Rng.FromSeed(0)).Split(fraction, Rng.FromSeed(1)));

    [Fact]
    public void Take_gathers_rows_in_order_with_repeats()
    {
        var d = Indexed(5, Rng.FromSeed(3));
        var t = d.Take([4, 0, 4]);
        Assert.Equal([4, 0, 4], Labels(t));
        Assert.True(t.Features.Row(2).SequenceEqual(d.Features.Row(4)));
    }

    [Property]
    public void Batches_cover_all_rows_in_order(int size, int batch)
    {
        var rows = Between(size, 0, 100);
        var b = Between(batch, 1, 20);
        var batches = Indexed(rows, Rng.FromSeed(rows)).Batches(b).ToList();
        Assert.Equal((rows + b - 1) / b, batches.Count);
        Assert.All(batches.SkipLast(1), x => Assert.Equal(b, x.Rows));
        if (batches.Count > 0) Assert.Equal(rows - b * (batches.Count - 1), batches[^1].Rows);
        Assert.Equal(Enumerable.Range(0, rows), batches.SelectMany(Labels));
    }

    [Fact]
    public void Batches_last_is_smaller_and_size_is_checked()
    {
        Assert.Equal([4, 4, 2], Indexed(10, Rng.FromSeed(0)).Batches(4).Select(x => x.Rows));
        Assert.Throws<ArgumentOutOfRangeException>(() => Indexed(10, Rng.FromSeed(0)).Batches(0));
    }

    // ---------- Standardiser ----------

    [Property]
    public void Fitted_columns_have_mean_zero_and_std_one(long seed, int size)
    {
        var rows = Between(size, 10, 200);
        var rng = Rng.FromSeed(seed);
        // Columns with very different offsets and scales, the case standardising exists for.
        var x = Matrix.Create(rows, 3, rng, static (dst, k) =>
        {
            k.FillNormal(0f, 1f, dst);
            for (var i = 0; i < dst.Length; i++) dst[i] = i % 3 == 0 ? dst[i] * 0.01f + 0.5f : i % 3 == 1 ? dst[i] * 100f + 1000f : dst[i] * 3f - 20f;
        });
        var z = Standardiser.Fit(x).Apply(x);
        for (var c = 0; c < 3; c++)
        {
            var col = Column(z, c).Select(v => (double)v).ToArray();
            var mean = col.Average();
            var std = Math.Sqrt(col.Select(v => (v - mean) * (v - mean)).Average());
            Assert.True(Math.Abs(mean) < 1e-4, $"column {c} mean {mean}");
            Assert.True(Math.Abs(std - 1) < 1e-4, $"column {c} std {std}");
        }
    }

    /// <summary>
    /// Issue 12: fitting on a split's row indices and standardising rows on their way to an upload (no copy of
    /// the split) give the bits that copying the split out first gives, and a dataset uploaded from such rows
    /// is the one uploaded from the copied, standardised matrix.
    /// </summary>
    [Property]
    public void Rows_standardised_on_the_way_equal_the_copied_split(long seed, int size)
    {
        var n = Between(size, 2, 300);
        var rng = Rng.FromSeed(seed);
        var x = Matrix.Create(n, 5, rng, static (dst, k) =>
        {
            k.FillNormal(0f, 1f, dst);
            for (var i = 0; i < dst.Length; i++) dst[i] = dst[i] * (1 + i % 5 * 40) + i % 5 * 300;
        });
        var rows = rng.Fold(1).Permutation(n)[..Math.Max(1, n * 2 / 3)];
        var copied = x.GatherRows(rows);
        var expected = Standardiser.Fit(copied);
        var fitted = Standardiser.Fit(x, rows);
        Assert.Equal(expected.Means, fitted.Means);
        Assert.Equal(expected.StdDevs, fitted.StdDevs);
        var streamed = new float[rows.Length * 5];
        var block = 1 + rng.Below(2, rows.Length);
        var writer = fitted.Rows(x, rows);
        for (var first = 0; first < rows.Length; first += block)
            writer.Write(first, streamed.AsSpan(first * 5, Math.Min(block, rows.Length - first) * 5));
        Assert.Equal(expected.Apply(copied).ToArray(), streamed);
        var network = Network.Build(Layers.Dense(2), 5).ThrowIfFail();
        using var step = TrainingStep.Compile(network, Loss.Mse, Optimiser.Sgd(0.1), TestBackends.Float, 4).ThrowIfFail();
        var targets = Matrix.Zeros(rows.Length, 2);
        using var uploaded = step.Upload(writer, targets).ThrowIfFail();
        using var reference = step.Upload(expected.Apply(copied), targets).ThrowIfFail();
        var p = network.Init(rng.Fold(2));
        Assert.Equal(step.Evaluate(p, reference), step.Evaluate(p, uploaded));
    }

    [Fact]
    public void Feature_rows_refuse_a_destination_of_partial_rows()
    {
        var writer = FeatureRows.Of(Matrix.Zeros(3, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => writer.Write(0, new float[3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => writer.Write(2, new float[4]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Standardiser.Fit(Matrix.Zeros(3, 2)).Rows(Matrix.Zeros(3, 2), [0, 3]));
    }

    [Fact]
    public void Constant_column_maps_to_zero()
    {
        var x = Matrix.From(3, 2, [0.1f, 1, 0.1f, 2, 0.1f, 3]).ThrowIfFail();
        var s = Standardiser.Fit(x);
        Assert.Equal(1f, s.StdDevs[0]);
        Assert.Equal([0f, 0f, 0f], Column(s.Apply(x), 0));
    }

    [Fact]
    public void Apply_uses_training_statistics()
    {
        // Column 0: 1, 2, 3, 4 → mean 2.5, population std √1.25; column 1 constant 10 → mean 10, std 1.
        var training = Matrix.From(4, 2, [1, 10, 2, 10, 3, 10, 4, 10]).ThrowIfFail();
        var s = Standardiser.Fit(training);
        Assert.Equal([2.5f, 10f], s.Means);
        Assert.Equal((float)Math.Sqrt(1.25), s.StdDevs[0]);
        var other = Standardiser.Fit(training).Apply(Matrix.From(2, 2, [5, 12, 0, 7]).ThrowIfFail());
        Assert.Equal(2.5 / Math.Sqrt(1.25), other[0, 0], 1e-6);
        Assert.Equal(2.0, other[0, 1], 1e-6);
        Assert.Equal(-2.5 / Math.Sqrt(1.25), other[1, 0], 1e-6);
        Assert.Equal(-3.0, other[1, 1], 1e-6);
    }

    [Fact]
    public void Of_rebuilds_saved_statistics_and_validates()
    {
        var x = Matrix.From(3, 2, [1, -4, 5, 0, 2, 9]).ThrowIfFail();
        var fitted = Standardiser.Fit(x);
        var rebuilt = Standardiser.Of([.. fitted.Means], [.. fitted.StdDevs]);
        Assert.Equal(fitted.Apply(x), rebuilt.Apply(x));
        Assert.Throws<ArgumentException>(() => Standardiser.Of([0f, 1f], [1f]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Standardiser.Of([0f], [0f]));
        Assert.Throws<ArgumentException>(() => fitted.Apply(Matrix.Zeros(1, 3)));
    }

    // ---------- OneHot ----------

    [Property]
    public void OneHot_round_trips(long seed, int count, int classCount)
    {
        var n = Between(count, 0, 50);
        var classes = Between(classCount, 2, 10);
        var rng = Rng.FromSeed(seed);
        var labels = Enumerable.Range(0, n).Select(i => rng.Below((ulong)i, classes)).ToArray();
        var encoded = OneHot.Encode(labels, classes);
        Assert.Equal((n, classes), (encoded.Rows, encoded.Cols));
        for (var r = 0; r < n; r++)
        {
            Assert.Equal(1f, encoded.Row(r).ToArray().Sum());
            Assert.Equal(1f, encoded[r, labels[r]]);
        }
        Assert.Equal(labels, OneHot.Decode(encoded));
    }

    [Fact]
    public void Decode_first_maximum_wins_and_single_column_thresholds()
    {
        var probabilities = Matrix.From(3, 3, [0.2f, 0.4f, 0.4f, 0.7f, 0.7f, 0.1f, 0f, 0f, 1f]).ThrowIfFail();
        Assert.Equal([1, 0, 2], OneHot.Decode(probabilities));
        Assert.Equal([1, 0, 1, 0], OneHot.Decode(Matrix.Column([0.5f, 0.49f, 0.9f, 0f])));
    }

    [Fact]
    public void Encode_refuses_labels_out_of_range()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OneHot.Encode([0, 3], 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => OneHot.Encode([-1], 3));
    }

    // ---------- Generators: logic ----------

    public static TheoryData<string, float[]> Gates => new()
    {
        { "And", [0, 0, 0, 1] },
        { "Or", [0, 1, 1, 1] },
        { "Nand", [1, 1, 1, 0] },
        { "Nor", [1, 0, 0, 0] },
        { "Xor", [0, 1, 1, 0] },
    };

    [Theory]
    [MemberData(nameof(Gates))]
    public void Gate_truth_tables(string gate, float[] expected)
    {
        var d = gate switch
        {
            "And" => Generators.And(),
            "Or" => Generators.Or(),
            "Nand" => Generators.Nand(),
            "Nor" => Generators.Nor(),
            _ => Generators.Xor(),
        };
        Assert.Equal([0f, 0, 0, 1, 1, 0, 1, 1], d.Features.ToArray());
        Assert.Equal(expected, d.Targets.ToArray());
        Assert.Equal((4, 2, 1), (d.Rows, d.InputWidth, d.TargetWidth));
    }

    [Property]
    public void Parity_rows_are_binary_digits_labelled_by_popcount(int b)
    {
        var bits = Between(b, 1, 10);
        var d = Generators.Parity(bits);
        Assert.Equal((1 << bits, bits), (d.Rows, d.InputWidth));
        var seen = new HashSet<int>();
        for (var i = 0; i < d.Rows; i++)
        {
            var value = 0;
            for (var c = 0; c < bits; c++) value = value * 2 + (int)d.Features[i, c]; // most significant first
            Assert.Equal(i, value);
            Assert.True(seen.Add(value)); // rows distinct
            Assert.Equal(BitOperations.PopCount((uint)i) % 2, (int)d.Targets[i, 0]);
        }
    }

    [Fact]
    public void Parity_bounds()
    {
        Assert.Equal(65536, Generators.Parity(16).Rows);
        Assert.Throws<ArgumentOutOfRangeException>(() => Generators.Parity(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Generators.Parity(17));
    }

    // ---------- Generators: geometry ----------

    /// <summary>The angles in [0, 2π) of the given points, sorted.</summary>
    static double[] SortedAngles(IEnumerable<(double X, double Y)> points) =>
        points.Select(p => (Math.Atan2(p.Y, p.X) + 2 * Math.PI) % (2 * Math.PI)).Order().ToArray();

    static (double X, double Y)[] PointsOf(Dataset d, int label) =>
        Enumerable.Range(0, d.Rows).Where(r => (int)d.Targets[r, 0] == label)
            .Select(r => ((double)d.Features[r, 0], (double)d.Features[r, 1])).ToArray();

    [Property]
    public void Moons_without_noise_lie_on_their_half_circles(long seed, int size)
    {
        var n = Between(size, 1, 200);
        var d = Generators.Moons(n, 0, Rng.FromSeed(seed));
        Assert.Equal((n, 2, 1), (d.Rows, d.InputWidth, d.TargetWidth));
        var outer = PointsOf(d, 0);
        var inner = PointsOf(d, 1);
        Assert.Equal(n / 2, outer.Length);
        Assert.Equal(n - n / 2, inner.Length);
        Assert.All(outer, p => Assert.Equal(1, p.X * p.X + p.Y * p.Y, 1e-6));
        Assert.All(outer, p => Assert.True(p.Y >= -1e-7));
        Assert.All(inner, p => Assert.Equal(1, (p.X - 1) * (p.X - 1) + (p.Y - 0.5) * (p.Y - 0.5), 1e-6));
        Assert.All(inner, p => Assert.True(p.Y <= 0.5 + 1e-7));
        // Evenly spaced over [0, π], both ends included (numpy.linspace).
        var angles = SortedAngles(outer.Select(p => (p.X, p.Y))).Select(a => a > 1.5 * Math.PI ? a - 2 * Math.PI : a).Order().ToArray();
        for (var i = 0; i < angles.Length; i++)
            Assert.Equal(angles.Length == 1 ? 0 : Math.PI * i / (angles.Length - 1), angles[i], 1e-5);
    }

    [Property]
    public void Circles_without_noise_have_radii_one_and_factor(long seed, int size, int f)
    {
        var n = Between(size, 1, 200);
        var factor = Between(f, 0, 9) / 10.0;
        var d = Generators.Circles(n, 0, factor, Rng.FromSeed(seed));
        var outer = PointsOf(d, 0);
        var inner = PointsOf(d, 1);
        Assert.Equal((n / 2, n - n / 2), (outer.Length, inner.Length));
        Assert.All(outer, p => Assert.Equal(1, Math.Sqrt(p.X * p.X + p.Y * p.Y), 1e-6));
        Assert.All(inner, p => Assert.Equal(factor, Math.Sqrt(p.X * p.X + p.Y * p.Y), 1e-6));
        // Angles 2πi/m, the end point 2π excluded (it would duplicate angle 0).
        var angles = SortedAngles(outer);
        for (var i = 0; i < angles.Length; i++)
            Assert.True(Math.Abs(angles[i] - 2 * Math.PI * i / angles.Length) < 1e-5
                        || (i == 0 && Math.Abs(angles[0] - 2 * Math.PI) < 1e-5));
    }

    [Fact]
    public void Circles_refuses_bad_factor()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Generators.Circles(10, 0, 1.0, Rng.FromSeed(0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Generators.Circles(10, 0, -0.1, Rng.FromSeed(0)));
    }

    [Property]
    public void Spirals_shape_labels_and_radii(long seed, int perClass, int classCount)
    {
        var n = Between(perClass, 2, 50);
        var k = Between(classCount, 1, 5);
        var d = Generators.Spirals(n, k, 0.2, Rng.FromSeed(seed));
        Assert.Equal((n * k, 2, 1), (d.Rows, d.InputWidth, d.TargetWidth));
        for (var j = 0; j < k; j++)
            for (var i = 0; i < n; i++)
            {
                var row = j * n + i;
                Assert.Equal(j, (int)d.Targets[row, 0]);
                // Noise only moves the angle: the radius stays linspace(0, 1, N).
                Assert.Equal((double)i / (n - 1), Math.Sqrt(d.Features[row, 0] * d.Features[row, 0] + d.Features[row, 1] * d.Features[row, 1]), 1e-6);
            }
    }

    [Fact]
    public void Spirals_without_noise_follow_the_cs231n_formula()
    {
        const int n = 5;
        var d = Generators.Spirals(n, 3, 0, Rng.FromSeed(9));
        for (var j = 0; j < 3; j++)
            for (var i = 0; i < n; i++)
            {
                double r = i / (n - 1.0), t = 4 * j + 4.0 * i / (n - 1);
                Assert.Equal(r * Math.Sin(t), d.Features[j * n + i, 0], 1e-6);
                Assert.Equal(r * Math.Cos(t), d.Features[j * n + i, 1], 1e-6);
            }
    }

    [Property]
    public void Blobs_split_points_evenly_around_centres_in_the_box(long seed, int size, int centerCount)
    {
        var n = Between(size, 1, 200);
        var centers = Between(centerCount, 1, 8);
        var d = Generators.Blobs(n, centers, 0, Rng.FromSeed(seed));
        Assert.Equal((n, 2), (d.Rows, d.InputWidth));
        for (var k = 0; k < centers; k++)
        {
            var points = PointsOf(d, k);
            Assert.Equal(n / centers + (k < n % centers ? 1 : 0), points.Length);
            // With std 0 every point of a cluster is its centre, which lies in [−10, 10]².
            Assert.All(points, p => Assert.Equal(points[0], p));
            Assert.All(points, p => Assert.True(Math.Abs(p.X) <= 10 && Math.Abs(p.Y) <= 10));
        }
    }

    [Fact]
    public void Blobs_spread_matches_std()
    {
        var d = Generators.Blobs(4000, 1, 2.0, Rng.FromSeed(5));
        var x = Column(d.Features, 0).Select(v => (double)v).ToArray();
        var mean = x.Average();
        var std = Math.Sqrt(x.Select(v => (v - mean) * (v - mean)).Average());
        Assert.InRange(std, 1.9, 2.1);
    }

    [Property]
    public void Sine_without_noise_is_sin_of_inputs_in_range(long seed, int size)
    {
        var n = Between(size, 1, 200);
        var d = Generators.Sine(n, Rng.FromSeed(seed));
        Assert.Equal((n, 1, 1), (d.Rows, d.InputWidth, d.TargetWidth));
        for (var i = 0; i < n; i++)
        {
            var x = d.Features[i, 0];
            Assert.InRange(x, -(float)Math.PI, (float)Math.PI);
            Assert.Equal((float)Math.Sin(x), d.Targets[i, 0]);
        }
    }

    [Fact]
    public void Sine_noise_perturbs_targets()
    {
        var clean = Generators.Sine(100, Rng.FromSeed(4));
        var noisy = Generators.Sine(100, Rng.FromSeed(4), noise: 0.1);
        Assert.Equal(clean.Features, noisy.Features);
        Assert.NotEqual(clean.Targets, noisy.Targets);
    }

    [Fact]
    public void Generators_refuse_bad_arguments()
    {
        var rng = Rng.FromSeed(0);
        Assert.Throws<ArgumentOutOfRangeException>(() => Generators.Moons(0, 0.1, rng));
        Assert.Throws<ArgumentOutOfRangeException>(() => Generators.Moons(10, -0.1, rng));
        Assert.Throws<ArgumentOutOfRangeException>(() => Generators.Circles(0, 0.1, 0.5, rng));
        Assert.Throws<ArgumentOutOfRangeException>(() => Generators.Spirals(0, 3, 0.2, rng));
        Assert.Throws<ArgumentOutOfRangeException>(() => Generators.Spirals(10, 0, 0.2, rng));
        Assert.Throws<ArgumentOutOfRangeException>(() => Generators.Blobs(10, 0, 1, rng));
        Assert.Throws<ArgumentOutOfRangeException>(() => Generators.Blobs(10, 2, double.NaN, rng));
        Assert.Throws<ArgumentOutOfRangeException>(() => Generators.Sine(0, rng));
    }

    // ---------- Determinism ----------

    static Dataset[] All(Rng rng) =>
    [
        Generators.Moons(60, 0.1, rng),
        Generators.Circles(60, 0.1, 0.5, rng),
        Generators.Spirals(20, 3, 0.2, rng),
        Generators.Blobs(60, 3, 1.0, rng),
        Generators.Sine(60, rng, 0.1),
    ];

    [Property]
    public void Same_seed_gives_identical_datasets(long seed)
    {
        var a = All(Rng.FromSeed(seed));
        var b = All(Rng.FromSeed(seed));
        for (var i = 0; i < a.Length; i++)
        {
            Assert.Equal(a[i].Features.ToArray(), b[i].Features.ToArray()); // bit for bit
            Assert.Equal(a[i].Targets.ToArray(), b[i].Targets.ToArray());
        }
    }

    [Property]
    public bool Different_seeds_give_different_datasets(long seed, long other) =>
        seed == other || All(Rng.FromSeed(seed)).Zip(All(Rng.FromSeed(other)), (a, b) => !a.Equals(b)).All(x => x);
}
