using Pure.Properties.Support;
using Pure.Shell.Models;

namespace Pure.Properties;

/// <summary>Issue 11, item 7: a NaN in a checkpoint's optimiser state, or a NaN prediction, does not pass with exit 0.</summary>
public class NonFiniteTests
{
    [Fact]
    public void A_checkpoint_whose_optimiser_state_holds_a_NaN_is_refused_on_resume()
    {
        var folder = TestFiles.TempFolder();
        var checkpoint = Path.Combine(folder, "c.safetensors");
        var moons = TestFiles.Data("moons.csv");
        Assert.Equal(0, PureCli.Run("train", moons, "--layers", "4", "--epochs", "2", "--checkpoint-every", "1", "--checkpoint", checkpoint, "--quiet").ExitCode);
        var file = SafeTensors.Read(checkpoint);
        var tensors = file.Tensors.Select(t => t.Name == "checkpoint.optimizer" ? t with { Data = [.. t.Data[..^1], float.NaN] } : t).ToArray();
        SafeTensors.Write(checkpoint, tensors, file.Metadata);
        var r = PureCli.Run("train", moons, "--layers", "4", "--epochs", "4", "--resume", checkpoint, "--quiet");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("tensor 'checkpoint.optimizer' holds NaN", r.Stderr);
    }

    [Theory]
    [InlineData("predict")]
    [InlineData("eval")]
    public void A_row_the_model_cannot_take_is_named_instead_of_predicted_as_NaN(string command)
    {
        var folder = TestFiles.TempFolder();
        var model = Path.Combine(folder, "m.safetensors");
        Assert.Equal(0, PureCli.Run("train", TestFiles.Data("moons.csv"), "--layers", "8", "--epochs", "2", "--save", model, "--quiet").ExitCode);
        var csv = Path.Combine(folder, "new.csv");
        File.WriteAllText(csv, "x1,x2,label\n0.5,0.5,1\n3e38,-3e38,0\n");
        var r = PureCli.Run(command, model, csv);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"{csv}:3: the model's output for this row is", r.Stderr);
        Assert.DoesNotContain("NaN", r.Stdout);
    }
}
