using Pure.Properties.Support;

namespace Pure.Properties;

/// <summary>A folder where a file is expected (and a file where a folder is) is named as that mistake, not "no such file".</summary>
public class PathKindTests
{
    static (int Code, string Stderr) Run(params string[] args)
    {
        var r = PureCli.Run(args);
        return (r.ExitCode, r.Stderr);
    }

    [Fact]
    public void A_folder_given_as_an_input_file_is_refused_as_a_folder()
    {
        var folder = TestFiles.TempFolder();
        foreach (var args in new[]
                 {
                     new[] { "train", folder, "--epochs", "1" },
                     ["perceptron", folder],
                     ["eval", folder, TestFiles.Data("moons.csv")],
                     ["predict", folder, TestFiles.Data("moons.csv")],
                     ["train", TestFiles.Data("moons.csv"), "--epochs", "2", "--resume", folder],
                 })
        {
            var (code, stderr) = Run(args);
            Assert.Equal(2, code);
            Assert.Contains($"{folder}: is a folder, not a file", stderr);
            Assert.DoesNotContain("no such file", stderr);
        }
        var missing = Run("perceptron", Path.Combine(folder, "none.csv"));
        Assert.Equal(2, missing.Code);
        Assert.Contains("none.csv: no such file", missing.Stderr);
    }

    [Fact]
    public void A_file_given_as_the_IDX_folder_is_refused_as_a_file()
    {
        var (code, stderr) = Run("train", "--data", TestFiles.Data("moons.csv"), "--epochs", "1");
        Assert.Equal(2, code);
        Assert.Contains("is a file, not a folder", stderr);
    }
}
