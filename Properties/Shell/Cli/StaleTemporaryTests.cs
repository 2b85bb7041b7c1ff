using Pure.Properties.Support;

namespace Pure.Properties;

/// <summary>Issue 11, item 5: temporary files a killed run left beside a target are removed by the next write to it.</summary>
public class StaleTemporaryTests
{
    [Fact]
    public void The_next_save_removes_a_dead_runs_temporary_files_and_keeps_a_live_ones()
    {
        var folder = TestFiles.TempFolder();
        var model = Path.Combine(folder, "m.safetensors");
        // pid 2^22 + 1 is above Linux's largest pid (2^22), so no process has it
        var stale = Path.Combine(folder, $".m.safetensors.4194305.{Guid.NewGuid():N}.tmp");
        var live = Path.Combine(folder, $".m.safetensors.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        var foreign = Path.Combine(folder, ".m.safetensors.notours.tmp");
        foreach (var file in new[] { stale, live, foreign }) File.WriteAllText(file, "partial");
        Assert.Equal(0, PureCli.Run("train", TestFiles.Data("moons.csv"), "--layers", "4", "--epochs", "1", "--save", model, "--quiet").ExitCode);
        Assert.False(File.Exists(stale), "a dead run's temporary file must go");
        Assert.True(File.Exists(live), "a running process's temporary file must stay");
        Assert.True(File.Exists(foreign), "a file not of our naming must stay");
        Assert.True(File.Exists(model));
    }
}
