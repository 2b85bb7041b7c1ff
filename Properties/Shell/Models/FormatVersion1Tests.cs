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
}
