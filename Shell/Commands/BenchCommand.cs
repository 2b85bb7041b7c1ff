using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Pure.Shell.Bench;
using Pure.Shell.Cli;
using Pure.Shell.Data;

namespace Pure.Shell.Commands;

/// <summary>
/// <c>pure bench</c>: the speed figures, each a median of several rounds after a warm-up: the flagship epoch
/// (batch 64 and 256), GEMM GFLOP/s, the toy runs, CSV parsing, peak memory, and how an epoch grows with width
/// and batch. <c>--json FILE</c> writes the numbers only.
/// </summary>
public static class BenchCommand
{
    public static Command Create(IBackend<float> backend)
    {
        var json = new Option<string?>("--json") { Description = "also write the numbers to this JSON file" };
        var data = new Option<string?>("--data") { Description = "time the epoch on this IDX folder's training images instead of synthetic rows" };
        var rounds = new Option<int>("--rounds") { Description = "timed rounds per figure (the median is reported)", DefaultValueFactory = _ => 3 };
        var scaling = new Option<bool>("--no-scaling") { Description = "skip the width and batch tables" };
        var csv = new Option<string?>("--csv") { Description = "time parsing this CSV instead of a generated 100 MB one (peers parse the same file)" };
        var command = new Command("bench", "Time the flagship training step, GEMM, toy runs and CSV parsing on this machine") { json, data, rounds, scaling, csv };
        command.SetAction(r => Run(backend, r.GetValue(json), r.GetValue(data), r.GetValue(rounds), !r.GetValue(scaling), r.GetValue(csv), r.InvocationConfiguration.Output));
        return command;
    }

    public static int Run(IBackend<float> backend, string? jsonPath, string? folder, int rounds, bool scaling, string? csvPath, TextWriter output)
    {
        if (rounds < 1) throw new CliException($"--rounds: must be at least 1, got {rounds}");
        if (csvPath is not null) InputFile.Require(csvPath, "--csv");
        if (folder is not null && !Directory.Exists(folder)) throw new CliException($"--data {folder}: no such folder");
        if (jsonPath is not null) AtomicFile.CheckTarget("--json", jsonPath);
        var figures = new Dictionary<string, double>();
        string F(double v, int digits = 3) => v.ToString("F" + digits, CultureInfo.InvariantCulture);
        output.WriteLine($"machine: {Environment.ProcessorCount} cores, {VectorWidth()}-bit vectors; backend {backend.Name}; medians of {rounds} rounds after a warm-up");

        var (x, labels) = folder is null ? Workloads.Synthetic(Workloads.Rows, Workloads.Inputs, Workloads.Classes, Rng.FromSeed(7)) : Idx(folder);
        foreach (var (key, batch) in new[] { ("epoch_seconds", 64), ("epoch_seconds_b256", 256), ("epoch_seconds_b1024", 1024) })
        {
            using var flagship = new Workloads.Flagship(backend, x, labels, [256, 128], batch);
            figures[key] = Timing.MedianSeconds(rounds, flagship.Epoch);
            // forward and the weight gradients 2·Σ in·out each, the input gradients of every layer but the first: 1.0 MFLOP a row
            const double products = 784 * 256 + 256 * 128 + 128 * 10;
            var flops = 2.0 * x.Rows * (products + products + (products - 784 * 256));
            output.WriteLine($"epoch, 784-256-128-10, batch {batch,4}: {F(figures[key])} s ({F(flops / figures[key] / 1e9, 1)} GFLOP/s over the step)");
        }
        foreach (var size in new[] { 1024, 2048, 4096 }) figures[$"gemm_gflops_{size}"] = Workloads.GemmGflops(backend, size, size, size, rounds);
        figures["gemm_gflops_step"] = Workloads.GemmGflops(backend, 64, 256, 784, rounds);
        output.WriteLine($"gemm 1024³: {F(figures["gemm_gflops_1024"], 1)} GFLOP/s, 2048³: {F(figures["gemm_gflops_2048"], 1)}, 4096³: {F(figures["gemm_gflops_4096"], 1)}; " +
                         $"the step's 64×256×784: {F(figures["gemm_gflops_step"], 1)} GFLOP/s");

        figures["xor_seconds"] = Workloads.ToyRun(backend, Layers.Serial(Layers.Dense(4), Layers.Sigmoid, Layers.Dense(1)), Generators.Xor(), Loss.BceWithLogits, Optimiser.Sgd(1), 2000, rounds);
        figures["moons_seconds"] = Workloads.ToyRun(backend, Layers.Serial(Layers.Dense(32, Inits.He), Layers.Relu, Layers.Dense(32, Inits.He), Layers.Relu, Layers.Dense(16, Inits.He), Layers.Relu, Layers.Dense(1)),
            Generators.Moons(500, 0.2, Rng.FromSeed(1)), Loss.BceWithLogits, Optimiser.Adam(0.01), 1000, rounds);
        output.WriteLine($"xor 2-4-1 sigmoid, SGD, 2000 full-batch epochs: {F(figures["xor_seconds"])} s; moons [2,32,32,16,1], Adam, 1000 epochs: {F(figures["moons_seconds"])} s");

        var scratch = csvPath is null ? Directory.CreateTempSubdirectory("pure-bench-") : null;
        try
        {
            var csv = csvPath ?? Workloads.WriteCsv(scratch!.FullName, 100);
            figures["csv_mb_per_s"] = Workloads.CsvMegabytesPerSecond(csv, rounds);
            output.WriteLine($"csv parsing, {F(new FileInfo(csv).Length / 1e6, 0)} MB{(csvPath is null ? " of 10 numeric columns" : $" ({csv})")}: {F(figures["csv_mb_per_s"], 1)} MB/s");
        }
        finally
        {
            scratch?.Delete(recursive: true);
        }

        if (scaling)
        {
            // a tenth of an epoch each, scaled to 60 000 rows: the growth, not the absolute figure, is the point
            const int part = Workloads.Rows / 10;
            output.WriteLine();
            output.WriteLine("seconds per 60 000-row epoch (from 6 000 rows), batch 64, by hidden widths [w, w/2]:");
            foreach (var w in new[] { 64, 128, 256, 512, 1024, 2048 })
            {
                using var run = new Workloads.Flagship(backend, x, labels, [w, w / 2], 64, part);
                output.WriteLine($"  w {w,5}: {F(10 * Timing.MedianSeconds(1, run.Epoch))}");
            }
            output.WriteLine("by batch, widths [256, 128]:");
            foreach (var b in new[] { 16, 32, 64, 128, 256, 512, 1024 })
            {
                using var run = new Workloads.Flagship(backend, x, labels, [256, 128], b, part);
                output.WriteLine($"  batch {b,4}: {F(10 * Timing.MedianSeconds(1, run.Epoch))}");
            }
        }
        figures["peak_memory_mb"] = Process.GetCurrentProcess().PeakWorkingSet64 / 1e6;
        output.WriteLine($"peak memory: {F(figures["peak_memory_mb"], 0)} MB");
        if (jsonPath is not null)
        {
            AtomicFile.WriteAllText(jsonPath, JsonSerializer.Serialize(figures, new JsonSerializerOptions { WriteIndented = true }) + "\n");
            output.WriteLine($"numbers written to {jsonPath}");
        }
        return ExitCodes.Ok;
    }

    static int VectorWidth() =>
        System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated ? 512 : System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated ? 256 : 128;

    /// <summary>The folder's 60 000 training images, scaled to [0, 1] and standardised as `train` does.</summary>
    static (Matrix, int[]) Idx(string folder)
    {
        var (images, labels, trainRows) = IdxReader.ReadDirectory(folder);
        var trainX = images.Slice(0, trainRows);
        return (Standardiser.Fit(trainX).Apply(trainX), labels.Take(trainRows).Select(b => (int)b).ToArray());
    }
}
