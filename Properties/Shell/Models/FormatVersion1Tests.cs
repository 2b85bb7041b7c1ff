using Pure.Shell.Models;
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
        // the same cells, numbers to float rounding: a kernel corrected since (tanh's) may move their last digit
        var expected = File.ReadAllLines(TestFiles.Fixture(model + ".predict.csv"));
        var actual = r.Stdout.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal(expected.Length, actual.Length);
        for (var line = 0; line < expected.Length; line++)
        {
            var (e, a) = (expected[line].Split(','), actual[line].Split(','));
            Assert.Equal(e.Length, a.Length);
            for (var i = 0; i < e.Length; i++)
            {
                var written = double.TryParse(e[i], System.Globalization.CultureInfo.InvariantCulture, out var x);
                var now = double.TryParse(a[i], System.Globalization.CultureInfo.InvariantCulture, out var y);
                Assert.True(written && now ? Math.Abs(x - y) <= 1e-6 * Math.Max(1, Math.Abs(x)) : e[i] == a[i], $"line {line + 1}, field {i + 1}: {a[i]}, written {e[i]}");
            }
        }
    }

    [Fact]
    public void An_old_model_file_evaluates_as_it_did()
    {
        var r = PureCli.Run("eval", TestFiles.Fixture("v1-prelu-moons.safetensors"), TestFiles.Data("moons.csv"));
        Assert.Equal(0, r.ExitCode);
        // the first two lines name the paths, which differ between the machines
        static string[] Figures(string text) => text.ReplaceLineEndings("\n").Split('\n')[2..];
        Assert.Equal(Figures(File.ReadAllText(TestFiles.Fixture("v1-prelu-moons.eval.txt"))), Figures(r.Stdout));
        Assert.Contains("dense(6) → prelu → dropout(0.1) → dense(4) → prelu → dropout(0.1) → dense(1) → 2 classes", r.Stdout);
    }

    /// <summary>
    /// A checkpoint the old code wrote after 4 of 7 epochs (moons, 6 ReLU units, dropout 0.1, --val 0.2,
    /// --patience 50, seed 2) resumes to the model the old code saved from an uninterrupted 7-epoch run: the old
    /// format loads, and the new loop takes the same steps — the same weights to 1e-5, since BCE-with-logits'
    /// gradient has since been made exact for confident outputs (issue 11), which moves last digits.
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
        var (expected, actual) = (ModelFile.Load(TestFiles.Fixture("v1-moons-7-epochs.safetensors")).Params.ToArray(), ModelFile.Load(model).Params.ToArray());
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++) Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-5, $"parameter {i}: {actual[i]:R}, old code {expected[i]:R}");
    }
}
