using Pure.Properties.Support;

namespace Pure.Properties;

/// <summary>Issue 13: <c>--device</c> on train, eval, predict and bench picks the backend; a bad one is one line and exit 2.</summary>
public class DeviceOptionTests
{
    [Theory]
    [InlineData("gpu", "--device: 'gpu' is not a device (cpu (the default), opencl (the first OpenCL device) or opencl:P:D (see pure devices))")]
    [InlineData("opencl:0", "--device: 'opencl:0' is not a device")]
    [InlineData("opencl:x:0", "--device: 'opencl:x:0' is not a device")]
    [InlineData("opencl:9:0", "--device: no OpenCL platform")]
    public void A_device_that_is_not_there_is_refused_by_name(string device, string message)
    {
        var r = PureCli.Run("train", TestFiles.Data("xor.csv"), "--device", device);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Stderr);
        Assert.Single(r.Stderr.Trim().Split('\n'));
        Assert.Empty(r.Stdout);
    }

    [Fact]
    public void Threads_do_not_apply_to_an_opencl_device()
    {
        var r = PureCli.Run("train", TestFiles.Data("xor.csv"), "--device", "opencl", "--threads", "2");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--threads sets the CPU backend's threads; it does not apply to --device opencl", r.Stderr);
    }
}

/// <summary>The same, on the machine's OpenCL device (PoCL in CI): a model trained there evaluates the same on the CPU.</summary>
[Trait("Category", "OpenCl")]
public class OpenClCliTests
{
    [Fact]
    public void A_model_trained_on_opencl_evaluates_alike_on_both_devices()
    {
        var dir = TestFiles.TempFolder();
        var model = Path.Combine(dir, "m.safetensors");
        var train = PureCli.Run("train", TestFiles.Data("moons.csv"), "--layers", "16", "--epochs", "20", "--device", "opencl", "--quiet", "--save", model);
        Assert.Equal(0, train.ExitCode);
        var final = train.Stdout.Split('\n').Single(l => l.StartsWith("final training accuracy", StringComparison.Ordinal));
        string Accuracy(PureCli.Result r) => r.Stdout.Split('\n').Single(l => l.StartsWith("accuracy", StringComparison.Ordinal));
        var onCpu = PureCli.Run("eval", model, TestFiles.Data("moons.csv"));
        var onOpenCl = PureCli.Run("eval", model, TestFiles.Data("moons.csv"), "--device", "opencl");
        Assert.Equal(0, onOpenCl.ExitCode);
        Assert.Equal(Accuracy(onCpu), Accuracy(onOpenCl));
        Assert.Contains(final.Split(' ')[3].TrimEnd(','), Accuracy(onCpu));
    }

    /// <summary>Digits (1797 rows, 10 classes): the same held-out test accuracy, and the same loss to float rounding, on both devices.</summary>
    [Fact]
    public void Digits_reach_the_cpus_test_accuracy()
    {
        string[] run = ["train", TestFiles.Data("digits.csv"), "--layers", "64", "--epochs", "30", "--test", "0.25", "--quiet"];
        (double Accuracy, double Loss) Final(PureCli.Result r)
        {
            Assert.Equal(0, r.ExitCode);
            var line = r.Stdout.Split('\n').Single(l => l.StartsWith("final test accuracy: ", StringComparison.Ordinal));
            var words = line.Split(' ');
            return (double.Parse(words[3].TrimEnd('%', ','), System.Globalization.CultureInfo.InvariantCulture),
                double.Parse(words[5], System.Globalization.CultureInfo.InvariantCulture));
        }
        var cpu = Final(PureCli.Run(run));
        var cl = Final(PureCli.Run([.. run, "--device", "opencl"]));
        Assert.True(cpu.Accuracy >= 95, $"the CPU reached {cpu.Accuracy} %");
        Assert.Equal(cpu.Accuracy, cl.Accuracy);
        Assert.True(Math.Abs(cl.Loss - cpu.Loss) <= 1e-3 * cpu.Loss, $"test loss {cl.Loss} on OpenCL, {cpu.Loss} on the CPU");
    }

    /// <summary>Checkpoints hold parameters and optimiser state, not device buffers: a run checkpointed on the CPU continues on OpenCL.</summary>
    [Fact]
    public void A_checkpoint_written_on_the_cpu_resumes_on_opencl()
    {
        var dir = TestFiles.TempFolder();
        var checkpoint = Path.Combine(dir, "c.safetensors");
        string[] run = ["train", TestFiles.Data("moons.csv"), "--layers", "8", "--checkpoint-every", "2", "--checkpoint", checkpoint, "--quiet"];
        Assert.Equal(0, PureCli.Run([.. run, "--epochs", "2"]).ExitCode);
        var resumed = PureCli.Run([.. run, "--epochs", "4", "--resume", checkpoint, "--device", "opencl"]);
        Assert.Equal(0, resumed.ExitCode);
        Assert.Contains($"resuming from {checkpoint} after epoch 2", resumed.Stdout);
        Assert.Equal("4", Pure.Shell.Models.SafeTensors.Read(checkpoint).Metadata["checkpoint_epoch"]);
    }
}
