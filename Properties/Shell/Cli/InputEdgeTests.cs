using Pure.Properties.Support;

namespace Pure.Properties;

/// <summary>Issue 11, items 8, 9 and 11: a nameless column, numeric labels spelt two ways, a read-only working folder.</summary>
public class InputEdgeTests
{
    static string Csv(string text)
    {
        var path = Path.Combine(TestFiles.TempFolder(), "data.csv");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void A_column_without_a_name_is_refused_before_training()
    {
        var path = Csv("x1,x2,\n0,0,0\n1,1,1\n0,1,1\n1,0,0\n");
        var r = PureCli.Run("train", path, "--epochs", "1");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"{path}:1: column 3 has no name in the header", r.Stderr);
        Assert.DoesNotContain("epoch", r.Stdout);
    }

    [Fact]
    public void Numeric_labels_compare_as_numbers_in_training_and_in_eval()
    {
        var path = Csv("x,y\n0,0\n0.1,0.0\n0.9,1\n1,1.0\n0.2,-0\n0.8,1e0\n");
        var folder = Path.GetDirectoryName(path)!;
        var model = Path.Combine(folder, "m.safetensors");
        var r = PureCli.Run("train", path, "--layers", "2", "--epochs", "1", "--save", model);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("2 classes (0, 1)", r.Stdout);
        var eval = PureCli.Run("eval", model, path);
        Assert.True(eval.ExitCode == 0, eval.Stderr);
        Assert.Contains("of 6)", eval.Stdout);
        Assert.Contains("0       3  0", eval.Stdout.ReplaceLineEndings("\n"));
    }

    /// <summary>A real process: its working folder, where the default checkpoint would go, is one nobody can write (/proc, even as root).</summary>
    [Fact]
    public void A_plain_run_does_not_probe_a_checkpoint_it_will_not_write()
    {
        var r = PureProcess.RunIn("/proc", "train", TestFiles.Data("xor.csv"), "--layers", "4", "--epochs", "2", "--quiet");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var scheduled = PureProcess.RunIn("/proc", "train", TestFiles.Data("xor.csv"), "--layers", "4", "--epochs", "2", "--checkpoint-every", "1", "--quiet");
        Assert.Equal(2, scheduled.ExitCode);
        Assert.Contains("checkpoint", scheduled.Stderr);
    }
}
