using Pure.Properties.Support;

namespace Pure.Properties;

/// <summary><c>pure perceptron</c>, run in-process through <c>Program.Run</c>: convergence and its absence are both results (exit 0); bad input exits 2.</summary>
public class PerceptronCommandTests
{
    [Fact]
    public void And_converges_and_prints_the_run_the_boundary_and_the_bound()
    {
        var r = PureCli.Run("perceptron", TestFiles.Data("and.csv"));
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Stderr);
        Assert.Contains("epoch    1  errors 2  accuracy 25.0%", r.Stdout);
        Assert.Contains("epoch    6  errors 0  accuracy 100.0%", r.Stdout);
        Assert.Contains("converged at epoch 6 after 11 updates", r.Stdout);
        Assert.Contains("weights: x1 2, x2 1", r.Stdout);
        Assert.Contains("bias: −3", r.Stdout);
        Assert.Contains("boundary: 2·x1 + 1·x2 − 3 = 0", r.Stdout);
        Assert.Contains("R = 1.73205", r.Stdout);
        Assert.Contains("(R/γ*)² = 51", r.Stdout);
        Assert.Contains("at most 51 updates; this run made 11", r.Stdout);
    }

    [Fact]
    public void Xor_says_plainly_that_it_did_not_converge_and_why_with_exit_code_0()
    {
        var r = PureCli.Run("perceptron", TestFiles.Data("xor.csv"), "--epochs", "50");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Stderr);
        Assert.Contains("epoch   50  errors", r.Stdout);
        Assert.Contains("did not converge in 50 epochs", r.Stdout);
        Assert.Contains("not linearly separable", r.Stdout);
        Assert.Contains("boundary: ", r.Stdout);
        Assert.DoesNotContain("Novikoff", r.Stdout);
    }

    [Fact]
    public void Without_a_bias_and_does_not_converge_and_the_coding_and_seed_options_are_taken()
    {
        var free = PureCli.Run("perceptron", TestFiles.Data("and.csv"), "--no-bias", "--labels", "pm1", "--epochs", "20");
        Assert.Equal(0, free.ExitCode);
        Assert.Contains("did not converge in 20 epochs", free.Stdout);
        Assert.Contains("through the origin", free.Stdout);
        Assert.Contains("class '0' → −1", free.Stdout);
        Assert.Contains("boundary: 0·x1 + 0·x2 = 0", free.Stdout);

        string[] seeded = ["perceptron", TestFiles.Data("or.csv"), "--seed", "7", "--lr", "0.1"];
        var a = PureCli.Run(seeded);
        Assert.Equal(0, a.ExitCode);
        Assert.Contains("random start", a.Stdout);
        Assert.Contains("converged at epoch", a.Stdout);
        Assert.Equal(a.Stdout, PureCli.Run(seeded).Stdout);
    }

    [Theory]
    [InlineData("a,b,label\n1,2,0\n3,x,1\n", ":3: column 'b': 'x' is not a number")]
    [InlineData("a,label\n1,cat\n2,dog\n3,eel\n", "3 classes (cat, dog, eel); a perceptron separates exactly two")]
    [InlineData("a,label\n1,0\n2,0\n", "has a single class ('0')")]
    public void Bad_files_are_one_line_on_stderr_with_exit_code_2(string contents, string message)
    {
        var file = Path.Combine(TestFiles.TempFolder(), "bad.csv");
        File.WriteAllText(file, contents);
        var r = PureCli.Run("perceptron", file);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Stderr);
        Assert.Single(r.Stderr.Trim().Split('\n'));
        Assert.Equal("", r.Stdout);
    }

    [Theory]
    [InlineData("--lr", "0", "--lr: must be a positive number")]
    [InlineData("--epochs", "0", "--epochs: must be at least 1")]
    [InlineData("--labels", "pm2", "--labels: unknown 'pm2'")]
    [InlineData("--label", "nope", "no column named 'nope'")]
    public void Bad_options_exit_2(string option, string value, string message)
    {
        var r = PureCli.Run("perceptron", TestFiles.Data("and.csv"), option, value);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Stderr);
        Assert.Single(r.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public void A_missing_file_exits_2()
    {
        var r = PureCli.Run("perceptron", Path.Combine(TestFiles.TempFolder(), "none.csv"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("no such file", r.Stderr);
        Assert.Single(r.Stderr.Trim().Split('\n'));
    }
}
