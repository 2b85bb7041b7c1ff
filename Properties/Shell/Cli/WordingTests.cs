using Pure.Properties.Support;

namespace Pure.Properties;

/// <summary>Issue 11, item 14 (in part): errors say what the user did in the user's words, on one readable line.</summary>
public class WordingTests
{
    [Fact]
    public void Option_types_are_named_in_words_not_dotnet_types()
    {
        var lr = PureCli.Run("train", TestFiles.Data("moons.csv"), "--lr", "abc");
        Assert.Equal(2, lr.ExitCode);
        Assert.Contains("for option '--lr' as a number", lr.Stderr);
        var epochs = PureCli.Run("train", TestFiles.Data("moons.csv"), "--epochs", "1.5");
        Assert.Contains("for option '--epochs' as a whole number", epochs.Stderr);
        Assert.DoesNotContain("System.", lr.Stderr + epochs.Stderr);
    }

    [Fact]
    public void Generate_names_the_option_that_is_out_of_range()
    {
        var path = Path.Combine(TestFiles.TempFolder(), "g.csv");
        var noise = PureCli.Run("generate", "moons", "--rows", "10", "--noise", "-1", "--out", path);
        Assert.Equal(2, noise.ExitCode);
        Assert.Contains("--noise: must be finite and non-negative, got -1", noise.Stderr);
        var classes = PureCli.Run("generate", "blobs", "--rows", "10", "--classes", "0", "--out", path);
        Assert.Contains("--classes: must be at least 1, got 0", classes.Stderr);
        Assert.DoesNotContain("Parameter", noise.Stderr + classes.Stderr);
    }

    [Fact]
    public void A_dash_for_standard_input_gets_a_hint()
    {
        var r = PureCli.Run("train", "-");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("-: reading from standard input is not supported", r.Stderr);
    }

    /// <summary>"-" as an output used to become a file called "-" in the working folder, with exit 0.</summary>
    [Theory]
    [InlineData("--log")]
    [InlineData("--save")]
    [InlineData("--checkpoint")]
    public void A_dash_for_standard_output_is_refused_not_written_as_a_file_called_dash(string option)
    {
        var folder = TestFiles.TempFolder();
        var r = PureProcess.RunIn(folder, "train", TestFiles.Data("moons.csv"), "--epochs", "1", option, "-");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"{option} -: writing to standard output is not supported; give a file's path", r.Stderr);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public void A_message_about_5000_columns_stays_short()
    {
        var path = Path.Combine(TestFiles.TempFolder(), "wide.csv");
        var names = Enumerable.Range(0, 5000).Select(i => $"column{i}").ToArray();
        File.WriteAllText(path, string.Join(",", names) + "\n" + string.Join(",", names.Select(_ => "1")) + "\n");
        var r = PureCli.Run("train", path, "--label", "nope");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("no column named 'nope'", r.Stderr);
        Assert.Contains("and 4988 more", r.Stderr);
        Assert.True(r.Stderr.Length < 500, $"{r.Stderr.Length} characters");
    }
}
