using System.Globalization;
using Pure.Properties.Support;
using Pure.Shell.Cli;

namespace Pure.Properties;

/// <summary>
/// Issue 11, item 10: the memory of a run is estimated before it starts and a run that cannot fit is refused
/// with its estimate; many classes no longer cost rows × classes.
/// </summary>
public class MemoryTests
{
    static string ManyClasses(int rows, int classes)
    {
        var csv = Path.Combine(TestFiles.TempFolder(), "classes.csv");
        var rng = Rng.FromSeed(4);
        using var w = new StreamWriter(csv);
        w.WriteLine("x1,x2,label");
        for (var i = 0; i < rows; i++)
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rng.Uniform((ulong)(2 * i)):F4},{rng.Uniform((ulong)(2 * i + 1)):F4},c{i % classes}"));
        return csv;
    }

    /// <summary>
    /// 3 000 rows of 1 000 string classes: the one-hot rows would be 12 MB, and the old code allocated several
    /// copies of them (targets, the training split, the upload, the evaluation's outputs). Now the targets are one
    /// index per row and become one-hot a batch at a time, so the whole run allocates less than one such copy.
    /// (Allocation on this thread is counted, not time: the figure is the same on every machine.)
    /// </summary>
    [Fact]
    public void Training_on_a_thousand_classes_never_allocates_rows_times_classes()
    {
        var (rows, classes) = (3000, 1000);
        var csv = ManyClasses(rows, classes);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var r = PureCli.Run("train", csv, "--layers", "8", "--epochs", "1", "--quiet");
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("1000 classes (c0, c1, c10, c100,", r.Stdout);
        Assert.Contains("… and 988 more)", r.Stdout);
        var oneHot = 4L * rows * classes;
        Assert.True(allocated < oneHot, $"the run allocated {allocated} bytes, one one-hot copy of the targets is {oneHot}");
    }

    /// <summary>The same cause in eval: a classes × classes confusion matrix (10⁸ cells and 700 MB of text for 10 000 classes).</summary>
    [Fact]
    public void Eval_of_many_classes_leaves_out_the_confusion_matrix_and_counts_each_class()
    {
        var csv = ManyClasses(250, 25);
        var model = Path.Combine(TestFiles.TempFolder(), "m.safetensors");
        Assert.Equal(0, PureCli.Run("train", csv, "--layers", "8", "--epochs", "1", "--quiet", "--save", model).ExitCode);
        var r = PureCli.Run("eval", model, csv);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("25 classes (c0, c1, c10, c11,", r.Stdout);
        Assert.Contains("confusion matrix: not shown for 25 classes (more than 20)", r.Stdout);
        var perClass = r.Stdout.Split('\n').Where(l => l.StartsWith('c') && l.EndsWith("      10")).ToArray();
        Assert.Equal(25, perClass.Length);
    }

    [Fact]
    public void A_run_estimated_past_max_memory_is_refused_before_training_with_its_estimate()
    {
        var save = Path.Combine(TestFiles.TempFolder(), "m.safetensors");
        var r = PureCli.Run("train", TestFiles.Data("moons.csv"), "--layers", "512,512", "--max-memory", "1M", "--save", save);
        Assert.Equal(2, r.ExitCode);
        Assert.Matches(@"^pure: the run needs about [\d.]+ MiB \(network, gradients, optimiser state and batches [\d.]+ MiB; data [\d.]+ KiB; host copies of the parameters [\d.]+ MiB\), more than the --max-memory of 1 MiB", r.Stderr);
        Assert.DoesNotContain("epoch", r.Stdout);
        Assert.False(File.Exists(save));
        Assert.Equal(0, PureCli.Run("train", TestFiles.Data("moons.csv"), "--layers", "8", "--epochs", "1", "--max-memory", "64M", "--quiet").ExitCode);
    }

    /// <summary>1.6 billion parameters need about 77 GiB with Adam: refused at once against the machine's memory, not found out after 16 GB.</summary>
    [Fact]
    public void A_network_larger_than_the_machine_is_refused_with_its_estimate()
    {
        var r = PureCli.Run("train", TestFiles.Data("moons.csv"), "--layers", "40000,40000", "--epochs", "1");
        Assert.Equal(2, r.ExitCode);
        Assert.Matches(@"^pure: the run needs about [\d.]+ GiB .*, more than this machine's [\d.]+ GiB: use fewer or narrower --layers", r.Stderr);
    }

    [Theory]
    [InlineData("512M", 512L << 20)]
    [InlineData("4G", 4L << 30)]
    [InlineData("4gb", 4L << 30)]
    [InlineData("1.5GiB", 3L << 29)]
    [InlineData("2000", 2000L)]
    [InlineData("64k", 64L << 10)]
    public void Sizes_are_read_with_binary_units(string text, long bytes) => Assert.Equal(bytes, ByteSize.Parse("--max-memory", text));

    [Theory]
    [InlineData("4X")]
    [InlineData("0")]
    [InlineData("-1G")]
    [InlineData("1e3G")]
    [InlineData("")]
    [InlineData("NaN")]
    [InlineData("99999999T")]
    public void A_size_that_is_not_one_is_a_usage_error(string text)
    {
        var r = PureCli.Run("train", TestFiles.Data("moons.csv"), "--max-memory", text);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"--max-memory: '{text}' is not a size", r.Stderr);
    }
}
