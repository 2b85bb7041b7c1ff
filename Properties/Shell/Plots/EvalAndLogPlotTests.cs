using Pure.Properties.Support;

namespace Pure.Properties;

/// <summary>Issue 15: eval --plot (confusion matrix heat map, precision and recall bars) and pure plot (training curves from a --log file).</summary>
public class EvalAndLogPlotTests
{
    static void AssertPicture(string path)
    {
        var (width, height, colours) = Pure.Shell.Plots.Animation.Decode(File.ReadAllBytes(path));
        Assert.InRange(width, 600, 1400);
        Assert.InRange(height, 300, 1000);
        Assert.True(colours.Distinct().Count() > 16, $"{path} has {colours.Distinct().Count()} colours");
    }

    [Fact]
    public void Eval_plot_writes_the_confusion_matrix_and_the_precision_and_recall_bars()
    {
        var folder = TestFiles.TempFolder();
        var model = Path.Combine(folder, "d.safetensors");
        Assert.Equal(0, PureCli.Run("train", TestFiles.Data("digits.csv"), "--layers", "4", "--epochs", "2", "--quiet", "--save", model).ExitCode);
        var plots = Path.Combine(folder, "plots", "eval");
        var r = PureCli.Run("eval", model, TestFiles.Data("digits.csv"), "--plot", plots);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains($"plot: {Path.Combine(plots, "confusion-matrix.png")}", r.Stdout);
        Assert.Equal(["confusion-matrix.png", "precision-recall.png"], Directory.GetFiles(plots).Select(Path.GetFileName).Order());
        foreach (var file in Directory.GetFiles(plots)) AssertPicture(file);
    }

    [Fact]
    public void Eval_plot_of_a_regression_model_is_refused_before_any_folder_is_made()
    {
        var folder = TestFiles.TempFolder();
        var model = Path.Combine(folder, "r.safetensors");
        Assert.Equal(0, PureCli.Run("train", TestFiles.Data("sine.csv"), "--task", "regression", "--epochs", "1", "--quiet", "--save", model).ExitCode);
        var r = PureCli.Run("eval", model, TestFiles.Data("sine.csv"), "--plot", Path.Combine(folder, "plots"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--plot: ", r.Stderr);
        Assert.Contains("is a regression model", r.Stderr);
        Assert.False(Directory.Exists(Path.Combine(folder, "plots")));
    }

    [Fact]
    public void Plot_draws_a_log_and_refuses_what_is_not_one_by_line_and_column()
    {
        var folder = TestFiles.TempFolder();
        var log = Path.Combine(folder, "run.csv");
        Assert.Equal(0, PureCli.Run("train", TestFiles.Data("moons.csv"), "--layers", "8", "--epochs", "12", "--val", "0.2", "--quiet", "--log", log).ExitCode);
        var png = Path.Combine(folder, "curves.png");
        var r = PureCli.Run("plot", log, "--out", png);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("(12 epochs)", r.Stdout);
        AssertPicture(png);

        string Bad(string name, string text)
        {
            var path = Path.Combine(folder, name);
            File.WriteAllText(path, text);
            var run = PureCli.Run("plot", path, "--out", Path.Combine(folder, name + ".png"));
            Assert.Equal(2, run.ExitCode);
            Assert.Single(run.Stderr.Trim().Split('\n'));
            Assert.False(File.Exists(Path.Combine(folder, name + ".png")));
            return run.Stderr;
        }
        const string header = "epoch,loss,accuracy,val_loss,val_accuracy,seconds\n";
        Assert.Contains("bad1.csv:1: not a training log", Bad("bad1.csv", "epoch,loss\n1,2\n"));
        Assert.Contains("bad2.csv:3: column 'loss': 'abc' is not a number", Bad("bad2.csv", header + "1,0.5,,,,0.1\n2,abc,,,,0.1\n"));
        Assert.Contains("bad3.csv:3: epoch 1 comes after epoch 2", Bad("bad3.csv", header + "2,0.5,,,,0.1\n1,0.4,,,,0.1\n"));
        Assert.Contains("bad4.csv: the log has no epochs", Bad("bad4.csv", header));
        var device = PureCli.Run("plot", "/dev/zero", "--out", Path.Combine(folder, "zero.png"));
        Assert.Equal(2, device.ExitCode);
        Assert.Contains("/dev/zero: is not a regular file", device.Stderr);
        var empty = PureCli.Run("plot", log, "--out", "");
        Assert.Equal(2, empty.ExitCode);
        Assert.Contains("--out: the file name is empty", empty.Stderr);
        var same = PureCli.Run("plot", log, "--out", log);
        Assert.Equal(2, same.ExitCode);
        Assert.Contains("refusing to overwrite an input", same.Stderr);
    }
}
