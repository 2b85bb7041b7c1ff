using Pure.Properties.Support;
using Pure.Shell.Cli;

namespace Pure.Properties;

/// <summary>
/// Issue 11, items 1 and 2: an output never replaces an input, two outputs never share a file, and a target that
/// is not a regular file (a device, a pipe) is never replaced. Each run works on a copy of the data, so a
/// failing test cannot damage the repository's files.
/// </summary>
public class OutputSafetyTests
{
    static (string Folder, string Csv, byte[] Bytes) Copy()
    {
        var folder = TestFiles.TempFolder();
        var csv = Path.Combine(folder, "moons.csv");
        File.Copy(TestFiles.Data("moons.csv"), csv);
        return (folder, csv, File.ReadAllBytes(csv));
    }

    static void HardLink(string existing, string link)
    {
        using var ln = System.Diagnostics.Process.Start("ln", [existing, link])!;
        ln.WaitForExit();
        Assert.Equal(0, ln.ExitCode);
    }

    static void Refused(PureCli.Result r, string message)
    {
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Stderr);
        Assert.DoesNotContain("epoch", r.Stdout);
    }

    [Theory]
    [InlineData("--save")]
    [InlineData("--log")]
    [InlineData("--checkpoint")]
    public void An_output_that_is_the_input_csv_is_refused_before_any_work_by_any_spelling(string option)
    {
        var (folder, csv, bytes) = Copy();
        Directory.CreateDirectory(Path.Combine(folder, "sub"));
        var symlink = Path.Combine(folder, "link.csv");
        File.CreateSymbolicLink(symlink, csv);
        var hardLink = Path.Combine(folder, "hard.csv");
        HardLink(csv, hardLink);
        foreach (var spelling in new[] { csv, Path.Combine(folder, "sub", "..", "moons.csv"), symlink, hardLink })
        {
            Refused(PureCli.Run("train", csv, "--epochs", "1", option, spelling), "is the same file as the data file");
            Assert.Equal(bytes, File.ReadAllBytes(csv));
        }
    }

    [Theory]
    [InlineData("--log", "--save")]
    [InlineData("--checkpoint", "--save")]
    [InlineData("--checkpoint", "--log")]
    public void Two_outputs_naming_one_file_are_refused(string first, string second)
    {
        var (folder, csv, _) = Copy();
        var target = Path.Combine(folder, "out.safetensors");
        Refused(PureCli.Run("train", csv, "--epochs", "1", first, target, second, Path.Combine(folder, ".", "out.safetensors")), "are the same file");
        Assert.False(File.Exists(target));
    }

    [Fact]
    public void Saving_over_the_checkpoint_resumed_from_is_refused_but_checkpointing_into_it_is_the_default()
    {
        var (folder, csv, _) = Copy();
        var checkpoint = Path.Combine(folder, "c.safetensors");
        Assert.Equal(0, PureCli.Run("train", csv, "--layers", "4", "--epochs", "2", "--checkpoint-every", "1", "--checkpoint", checkpoint, "--quiet").ExitCode);
        var saved = File.ReadAllBytes(checkpoint);
        Refused(PureCli.Run("train", csv, "--layers", "4", "--epochs", "4", "--resume", checkpoint, "--save", checkpoint), "is the same file as --resume");
        Assert.Equal(saved, File.ReadAllBytes(checkpoint));
        var resumed = PureCli.Run("train", csv, "--layers", "4", "--epochs", "4", "--checkpoint-every", "1", "--resume", checkpoint, "--quiet");
        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        Assert.NotEqual(saved, File.ReadAllBytes(checkpoint));
    }

    [Theory]
    [InlineData("--save")]
    [InlineData("--log")]
    public void A_device_is_never_replaced_by_a_file(string option)
    {
        var (_, csv, _) = Copy();
        Refused(PureCli.Run("train", csv, "--epochs", "1", option, "/dev/null"), "/dev/null: is not a regular file");
        Assert.Equal(FileIdentity.Kind.Other, FileIdentity.Of("/dev/null"));
    }

    [Fact]
    public void Saving_through_a_symbolic_link_writes_its_target_and_keeps_the_link()
    {
        var (folder, csv, _) = Copy();
        var target = Path.Combine(folder, "model.safetensors");
        File.WriteAllText(target, "old");
        var link = Path.Combine(folder, "latest.safetensors");
        File.CreateSymbolicLink(link, target);
        Assert.Equal(0, PureCli.Run("train", csv, "--layers", "4", "--epochs", "1", "--save", link, "--quiet").ExitCode);
        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Equal(0, PureCli.Run("eval", target, csv).ExitCode);
    }

    [Fact]
    public void The_perceptron_does_not_draw_over_its_data()
    {
        var (_, csv, bytes) = Copy();
        Refused(PureCli.Run("perceptron", csv, "--plot", csv), "is the same file as the data file");
        Assert.Equal(bytes, File.ReadAllBytes(csv));
    }
}
