using Pure.Properties.Support;

namespace Pure.Properties;

/// <summary>Issue 11, item 3: a finished run keeps its model when a later write fails, and says which write failed.</summary>
public class WriteOrderTests
{
    /// <summary>Output that removes a folder the moment the first epoch is reported: the log's folder vanishes mid-run.</summary>
    sealed class RemovingFolderOnFirstEpoch(string folder) : StringWriter
    {
        public override void WriteLine(string? value)
        {
            if (value is not null && value.TrimStart().StartsWith("epoch", StringComparison.Ordinal) && Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            base.WriteLine(value);
        }
    }

    [Fact]
    public void The_model_is_saved_even_when_the_log_cannot_be_written_and_the_failure_is_named()
    {
        var folder = TestFiles.TempFolder();
        var model = Path.Combine(folder, "m.safetensors");
        var logFolder = Path.Combine(folder, "logs");
        Directory.CreateDirectory(logFolder);
        var log = Path.Combine(logFolder, "run.csv");
        using var stdout = new RemovingFolderOnFirstEpoch(logFolder);
        using var stderr = new StringWriter();
        var code = Pure.Shell.Program.Run(["train", TestFiles.Data("moons.csv"), "--layers", "4", "--epochs", "3", "--save", model, "--log", log], stdout, stderr);
        Assert.Equal(2, code);
        Assert.Contains($"model saved to {model}", stdout.ToString());
        Assert.Contains("final training accuracy", stdout.ToString());
        Assert.Contains("the run finished, but", stderr.ToString());
        Assert.Contains($"the run finished, but --log {log}: ", stderr.ToString()); // the option named once, then the file
        Assert.Equal(0, PureCli.Run("eval", model, TestFiles.Data("moons.csv")).ExitCode);
    }
}
