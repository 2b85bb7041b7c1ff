using Pure.Properties.Support;

namespace Pure.Properties;

/// <summary>Issue 12: <c>--threads N</c> changes the speed, never the result.</summary>
public class ThreadsTests
{
    [Fact]
    public void The_same_command_on_one_and_on_two_threads_saves_the_same_model_bytes()
    {
        var folder = TestFiles.TempFolder();
        string Train(string threads)
        {
            var model = Path.Combine(folder, $"m{threads}.safetensors");
            // 32 × 256 × 64 and up: large enough for the products to be split over the threads
            var r = PureCli.Run("train", TestFiles.Data("digits.csv"), "--layers", "256,128", "--epochs", "2", "--threads", threads, "--save", model, "--quiet");
            Assert.Equal(0, r.ExitCode);
            return model;
        }
        Assert.Equal(File.ReadAllBytes(Train("1")), File.ReadAllBytes(Train("2")));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("two")]
    [InlineData("5000")]
    public void A_thread_count_that_is_not_one_is_a_usage_error(string threads)
    {
        var r = PureCli.Run("train", TestFiles.Data("moons.csv"), "--threads", threads);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"--threads: '{threads}' is not a thread count (a whole number from 1 to 1024)", r.Stderr);
    }
}
