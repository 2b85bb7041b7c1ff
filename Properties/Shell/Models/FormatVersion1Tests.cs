using Pure.Properties.Support;

namespace Pure.Properties;

/// <summary>
/// Model files written by Pure before the house was reshaped (format_version 1, commit 5d9d2e7: a PReLU +
/// dropout classifier and a tanh regression) load, and predict and evaluate exactly as that version did.
/// </summary>
public class FormatVersion1Tests
{
    [Theory]
    [InlineData("v1-prelu-moons", "moons.csv", "--proba")]
    [InlineData("v1-tanh-sine", "sine.csv", null)]
    public void Old_model_files_predict_what_they_predicted_when_written(string model, string data, string? option)
    {
        string[] args = ["predict", TestFiles.Fixture(model + ".safetensors"), TestFiles.Data(data), .. option is null ? Array.Empty<string>() : [option]];
        var r = PureCli.Run(args);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(File.ReadAllText(TestFiles.Fixture(model + ".predict.csv")), r.Stdout);
    }

    [Fact]
    public void An_old_model_file_evaluates_as_it_did()
    {
        var r = PureCli.Run("eval", TestFiles.Fixture("v1-prelu-moons.safetensors"), TestFiles.Data("moons.csv"));
        Assert.Equal(0, r.ExitCode);
        // the first two lines name the paths, which differ between the machines
        static string[] Figures(string text) => text.ReplaceLineEndings("\n").Split('\n')[2..];
        Assert.Equal(Figures(File.ReadAllText(TestFiles.Fixture("v1-prelu-moons.eval.txt"))), Figures(r.Stdout));
        Assert.Contains("[6, 4] prelu", r.Stdout);
    }

    /// <summary>
    /// A checkpoint the old code wrote after 4 of 7 epochs (moons, 6 ReLU units, dropout 0.1, --val 0.2,
    /// --patience 50, seed 2) resumes to the very model file the old code saved from an uninterrupted 7-epoch
    /// run: the old format loads, and the new epoch loop does the old arithmetic bit for bit.
    /// </summary>
    [Fact]
    public void An_old_checkpoint_resumes_to_the_model_the_old_code_trained_without_a_break()
    {
        var folder = TestFiles.TempFolder();
        var checkpoint = Path.Combine(folder, "checkpoint.safetensors");
        File.Copy(TestFiles.Fixture("v1-checkpoint-moons.safetensors"), checkpoint);
        var model = Path.Combine(folder, "model.safetensors");
        var r = PureCli.Run("train", TestFiles.Data("moons.csv"), "--layers", "6", "--dropout", "0.1", "--val", "0.2", "--patience", "50",
            "--epochs", "7", "--seed", "2", "--quiet", "--resume", checkpoint, "--save", model);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("resuming from", r.Stdout);
        Assert.Equal(File.ReadAllBytes(TestFiles.Fixture("v1-moons-7-epochs.safetensors")), File.ReadAllBytes(model));
    }
}
