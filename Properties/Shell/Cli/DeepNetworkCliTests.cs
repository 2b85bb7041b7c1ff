using System.Globalization;
using Pure.Properties.Support;
using Pure.Shell.Models;

namespace Pure.Properties;

/// <summary>Issue 14 on the command line: --norm, --residual, --summary and pure summary.</summary>
public class DeepNetworkCliTests
{
    static double Number(string line, string after) =>
        double.Parse(line[(line.IndexOf(after, StringComparison.Ordinal) + after.Length)..].TrimStart().Split(' ', '%', ',')[0], CultureInfo.InvariantCulture);

    /// <summary>A model with batch norms and residual blocks evaluates to the loss and accuracy its run ended with: the running statistics are saved and used.</summary>
    [Theory]
    [InlineData("batch")]
    [InlineData("layer")]
    public void A_normalised_residual_model_evaluates_as_its_run_ended(string norm)
    {
        var model = Path.Combine(TestFiles.TempFolder(), "deep.safetensors");
        var train = PureCli.Run("train", TestFiles.Data("moons.csv"), "--layers", "16,16,16", "--norm", norm, "--residual", "--epochs", "15", "--quiet", "--save", model);
        Assert.Equal(0, train.ExitCode);
        Assert.Contains($"residual(dense(16) → {norm}-norm → relu)", train.Stdout);
        var final = train.Stdout.Split('\n').Single(l => l.StartsWith("final training accuracy", StringComparison.Ordinal));
        var eval = PureCli.Run("eval", model, TestFiles.Data("moons.csv"));
        Assert.Equal(0, eval.ExitCode);
        var lines = eval.Stdout.Split('\n');
        Assert.Equal(Number(final, "loss "), Number(lines.Single(l => l.StartsWith("loss ", StringComparison.Ordinal)), "loss "), 5);
        Assert.Equal(Number(final, "accuracy: "), Number(lines.Single(l => l.StartsWith("accuracy ", StringComparison.Ordinal)), "accuracy  "), 2);
        var saved = ModelFile.Load(model);
        Assert.Equal(norm == "batch" ? 3 * 2 * 16 : 0, saved.State!.Length);
        // before a batch norm the dense layers have no bias: its β does that job
        Assert.Equal(norm == "layer", saved.Network.Layout.Find("0.bias").IsSome);
    }

    [Fact]
    public void Summary_lists_each_layer_with_its_parameters_and_state_and_the_totals()
    {
        var model = Path.Combine(TestFiles.TempFolder(), "s.safetensors");
        Assert.Equal(0, PureCli.Run("train", TestFiles.Data("moons.csv"), "--layers", "8,8", "--norm", "batch", "--residual", "--epochs", "1", "--quiet", "--save", model).ExitCode);
        var r = PureCli.Run("summary", model);
        Assert.Equal(0, r.ExitCode);
        var lines = r.Stdout.Split('\n');
        // 2 → dense(8) no bias: 16; batch-norm(8): γ, β 16, state 16; residual of dense(8) 64 + batch-norm 16; dense(1): 9
        Assert.Matches(@"^0 dense\(8\)\s+8\s+16$", lines[2]);
        Assert.Matches(@"^1 batch-norm\s+8\s+16\s+16$", lines[3]);
        Assert.Matches(@"^3 residual\s+8\s+80\s+16$", lines[5]);
        Assert.Matches(@"^  3\.body\.0 dense\(8\)\s+8\s+64$", lines[6]);
        Assert.Matches(@"^4 dense\(1\)\s+1\s+9$", lines[9]);
        var network = ModelFile.Load(model).Network;
        Assert.Equal(16 + 16 + 80 + 9, network.Layout.Length);
        Assert.StartsWith($"total: {network.Layout.Length} parameters ({network.Layout.Length * 4} bytes), 32 state values", lines[10]);
        var train = PureCli.Run("train", TestFiles.Data("moons.csv"), "--layers", "8,8", "--norm", "batch", "--residual", "--epochs", "1", "--quiet", "--summary");
        Assert.Contains(string.Join('\n', lines[1..11]), train.Stdout);
    }

    [Fact]
    public void A_bad_norm_or_summary_of_a_missing_file_is_one_line_and_exit_2()
    {
        var r = PureCli.Run("train", TestFiles.Data("moons.csv"), "--norm", "group");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("pure: --norm: unknown 'group' (one of none, layer, batch)", r.Stderr.Trim());
        var single = PureCli.Run("train", TestFiles.Data("xor.csv"), "--norm", "batch", "--batch", "1");
        Assert.Equal(2, single.ExitCode);
        Assert.Equal("pure: --batch 1: --norm batch needs batches of at least 2 rows (one row has no variance to normalise by)", single.Stderr.Trim());
        var clip = PureCli.Run("train", TestFiles.Data("xor.csv"), "--clip-norm", "1e39");
        Assert.Equal(2, clip.ExitCode);
        Assert.Contains("within single precision", clip.Stderr);
        var missing = PureCli.Run("summary", Path.Combine(TestFiles.TempFolder(), "none.safetensors"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Single(missing.Stderr.Trim().Split('\n'));
    }

    /// <summary>A batch-norm run checkpointed after 2 epochs and resumed to 4 ends with the uninterrupted run's weights and running statistics, bit for bit.</summary>
    [Fact]
    public void A_resumed_batch_norm_run_equals_the_uninterrupted_one_bit_for_bit()
    {
        var dir = TestFiles.TempFolder();
        var (whole, resumed, checkpoint) = (Path.Combine(dir, "whole.safetensors"), Path.Combine(dir, "resumed.safetensors"), Path.Combine(dir, "c.safetensors"));
        string[] run = ["train", TestFiles.Data("moons.csv"), "--layers", "8,8", "--norm", "batch", "--residual", "--dropout", "0.1", "--val", "0.2", "--quiet"];
        Assert.Equal(0, PureCli.Run([.. run, "--epochs", "4", "--save", whole]).ExitCode);
        Assert.Equal(0, PureCli.Run([.. run, "--epochs", "2", "--checkpoint-every", "2", "--checkpoint", checkpoint]).ExitCode);
        Assert.Equal(0, PureCli.Run([.. run, "--epochs", "4", "--resume", checkpoint, "--save", resumed]).ExitCode);
        var (a, b) = (ModelFile.Load(whole), ModelFile.Load(resumed));
        Assert.Equal(a.Params.ToArray(), b.Params.ToArray());
        Assert.Equal(a.State!.ToArray(), b.State!.ToArray());
        Assert.NotEqual(a.Network.InitialState().ToArray(), a.State.ToArray());
    }

    /// <summary>--norm and --residual are part of the run: a checkpoint made with them resumes only with them.</summary>
    [Fact]
    public void A_checkpoint_keeps_its_norm_and_residual_settings()
    {
        var checkpoint = Path.Combine(TestFiles.TempFolder(), "c.safetensors");
        string[] run = ["train", TestFiles.Data("moons.csv"), "--layers", "8,8", "--norm", "batch", "--residual", "--checkpoint-every", "1", "--checkpoint", checkpoint, "--quiet"];
        Assert.Equal(0, PureCli.Run([.. run, "--epochs", "2"]).ExitCode);
        Assert.Equal(0, PureCli.Run([.. run, "--epochs", "3", "--resume", checkpoint]).ExitCode);
        var plain = PureCli.Run("train", TestFiles.Data("moons.csv"), "--layers", "8,8", "--epochs", "4", "--resume", checkpoint, "--quiet");
        Assert.Equal(2, plain.ExitCode);
        Assert.Contains("norm batch; residual", plain.Stderr);
    }
}
