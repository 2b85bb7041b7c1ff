using System.Globalization;
using Pure.Shell.Cli;
using Pure.Shell.Csv;

namespace Pure.Shell.Bench;

/// <summary>
/// What `pure bench` times, each defined once: the flagship step on synthetic data (60 000 × 784, 10 classes,
/// 784-256-128-10 ReLU, Adam 1e-3, no dropout), GEMMs, the toy runs, and CSV parsing.
/// </summary>
public static class Workloads
{
    public const int Rows = 60_000, Inputs = 784, Classes = 10;

    /// <summary>Synthetic rows: standard normal features, labels from a fixed random linear map (learnable, unlike noise).</summary>
    public static (Matrix Features, int[] Classes) Synthetic(int rows, int inputs, int classes, Rng rng)
    {
        var x = Matrix.Create(rows, inputs, rng, static (dst, r) =>
        {
            for (var i = 0; i < dst.Length; i++) dst[i] = (float)r.Normal((ulong)i);
        });
        var w = Enumerable.Range(0, inputs * classes).Select(i => rng.Fold(1).Normal((ulong)i)).ToArray();
        var labels = new int[rows];
        for (var r = 0; r < rows; r++)
        {
            var best = double.NegativeInfinity;
            for (var c = 0; c < classes; c++)
            {
                var s = 0.0;
                for (var i = 0; i < inputs; i++) s += x[r, i] * w[c * inputs + i];
                if (s > best) (best, labels[r]) = (s, c);
            }
        }
        return (x, labels);
    }

    /// <summary>A compiled step of [inputs, hidden…, classes] ReLU with Adam, its data uploaded class-indexed, and a fixed row order.</summary>
    public sealed class Flagship : IDisposable
    {
        readonly TrainingStep step;
        readonly DeviceDataset data;
        readonly int[] order;
        readonly int batch;
        TrainState state;

        public Flagship(IBackend<float> backend, Matrix x, int[] labels, int[] hidden, int batch, int? rows = null)
        {
            Layer layer = Layers.Serial([.. hidden.SelectMany(h => new[] { Layers.Dense(h, Inits.He), Layers.Relu }), Layers.Dense(Classes)]);
            var network = Network.Build(layer, x.Cols).Match(n => n, e => throw new CliException(e.Message));
            step = TrainingStep.Compile(network, Loss.SoftmaxCrossEntropy, Optimiser.Adam(1e-3), backend, batch).Match(s => s, e => throw new CliException(e.Message));
            // only the rows the epoch visits are uploaded: the scaling tables build thirteen of these
            var n = rows ?? x.Rows;
            data = step.UploadClasses(n == x.Rows ? x : x.Slice(0, n), labels.AsSpan(0, n)).Match(d => d, e => throw new CliException(e.Message));
            order = Rng.FromSeed(3).Permutation(n);
            this.batch = batch;
            state = step.Start(network.Init(Rng.FromSeed(1)), Rng.FromSeed(2));
        }

        /// <summary>One pass over the rows in batches: the steps only (no evaluation).</summary>
        public void Epoch() => (state, _) = step.RunEpoch(state, data, order, batch);

        public void Dispose()
        {
            step.Dispose();
            data.Dispose();
        }
    }

    /// <summary>GFLOP/s of C = A·Bᵀ (the forward product's layout) for m×n×k, median of several rounds.</summary>
    public static double GemmGflops(IBackend<float> backend, int m, int n, int k, int rounds)
    {
        using var a = backend.Allocate(m * k);
        using var b = backend.Allocate(n * k);
        using var c = backend.Allocate(m * n);
        backend.Fill(0.5f, a.All);
        backend.Fill(0.25f, b.All);
        var repeats = Math.Max(1, (int)(2e9 / (2.0 * m * n * k))); // about a second's work per round at 2 GFLOP/s, less when faster
        repeats = Math.Min(repeats, 200);
        var seconds = Timing.MedianSeconds(rounds, () =>
        {
            for (var i = 0; i < repeats; i++) backend.Gemm(Transpose.No, Transpose.Yes, m, n, k, 1f, a.All, b.All, 0f, c.All);
            // a device queues the products and returns at once: reading one number back waits for all of them
            Span<float> last = stackalloc float[1];
            backend.Download(c.All.Slice(0, 1), last);
        });
        return 2.0 * m * n * k * repeats / seconds / 1e9;
    }

    /// <summary>Seconds of a full-batch run of <paramref name="epochs"/> epochs (Train.Fit, as a user calls it).</summary>
    public static double ToyRun(IBackend<float> backend, Layer layer, Dataset data, Loss loss, Optimiser optimiser, int epochs, int rounds) =>
        Timing.MedianSeconds(rounds, () => Train.Fit(layer, data, loss, optimiser, epochs, data.Rows, seed: 1, backend: backend)
            .Match(_ => 0, e => throw new CliException(e.Message)));

    /// <summary>Writes a numeric CSV of about <paramref name="megabytes"/> MB (10 features of 6 decimals and a 0/1 label).</summary>
    public static string WriteCsv(string folder, int megabytes)
    {
        var path = Path.Combine(folder, "bench.csv");
        var rng = Rng.FromSeed(5);
        using var w = new StreamWriter(path);
        w.WriteLine(string.Join(',', Enumerable.Range(0, 10).Select(i => $"x{i}")) + ",label");
        var line = new System.Text.StringBuilder();
        for (ulong r = 0; w.BaseStream.Length < megabytes * 1_000_000L; r++)
        {
            line.Clear();
            for (var i = 0UL; i < 10; i++) line.Append(rng.Normal(r * 11 + i).ToString("F6", CultureInfo.InvariantCulture)).Append(',');
            line.Append(r % 2);
            w.WriteLine(line);
        }
        return path;
    }

    /// <summary>MB/s of the CSV reader on <paramref name="path"/>.</summary>
    public static double CsvMegabytesPerSecond(string path, int rounds)
    {
        var size = new FileInfo(path).Length / 1e6;
        return size / Timing.MedianSeconds(rounds, () => CsvTableReader.Read(path, null), warmups: 0);
    }
}
