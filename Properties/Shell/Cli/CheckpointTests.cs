using Pure.Properties.Support;
using Pure.Shell.Models;

namespace Pure.Properties;

/// <summary>Saved models, checkpoints, Ctrl+C and resume, divergence: nothing is lost and nothing differs.</summary>
public class CheckpointTests
{
    static readonly string[] Recipe = ["train", TestFiles.Data("digits.csv"), "--layers", "64", "--dropout", "0.1", "--val", "0.2", "--epochs", "150", "--seed", "3", "--print-every", "1"];

    // a real process: SIGINT goes to a process, and the resume starts afresh as a user's would; a schedule's
    // rate is a function of the step the checkpoint keeps, so a warmed-up cosine run resumes bit for bit too
    [Theory]
    [InlineData("constant", "0")]
    [InlineData("cosine", "5")]
    public async Task Interrupt_and_resume_equals_an_uninterrupted_run_bit_for_bit(string schedule, string warmup)
    {
        string[] Recipe = [.. CheckpointTests.Recipe, "--schedule", schedule, "--warmup", warmup];
        var dir = TestFiles.TempFolder();
        var (full, resumed, checkpoint) = (Path.Combine(dir, "full.safetensors"), Path.Combine(dir, "resumed.safetensors"), Path.Combine(dir, "c.safetensors"));
        // the uninterrupted run, in-process, side by side with the interrupted one
        var whole = Task.Run(() => PureCli.Run([.. Recipe, "--save", full]));
        var interrupted = PureProcessInterrupt.RunAndInterrupt(line => line.StartsWith("epoch     3/", StringComparison.Ordinal), [.. Recipe, "--checkpoint", checkpoint, "--save", resumed]);
        Assert.Equal(130, interrupted.ExitCode);
        Assert.Contains("interrupted after epoch", interrupted.Stderr);
        Assert.Contains($"checkpoint written to {checkpoint}", interrupted.Stderr);
        Assert.False(File.Exists(resumed), "an interrupted run must not write its final model");
        var stoppedAt = int.Parse(interrupted.Stderr.Split("interrupted after epoch ")[1].Split(';')[0]);
        Assert.InRange(stoppedAt, 3, 149);

        Assert.Equal(0, (await whole).ExitCode);
        var rest = PureProcess.Run([.. Recipe, "--resume", checkpoint, "--save", resumed]);
        Assert.Equal(0, rest.ExitCode);
        Assert.Contains($"resuming from {checkpoint} after epoch {stoppedAt}", rest.Stdout);
        Assert.Equal(File.ReadAllBytes(full), File.ReadAllBytes(resumed));
        Assert.Empty(Directory.GetFiles(dir, "*.tmp"));
    }

    /// <summary>Issue 11, item 4: SIGTERM (timeout, docker stop, systemd) and SIGHUP stop a run as Ctrl+C does: checkpoint, log, 128 + the signal.</summary>
    [Theory]
    [InlineData(15, 143)]
    [InlineData(1, 129)]
    public void Sigterm_and_sighup_stop_the_run_with_a_checkpoint_and_the_log(int signal, int exitCode)
    {
        var dir = TestFiles.TempFolder();
        var (checkpoint, log) = (Path.Combine(dir, "c.safetensors"), Path.Combine(dir, "run.csv"));
        var r = PureProcessInterrupt.RunAndSignal(signal, line => line.StartsWith("epoch     3/", StringComparison.Ordinal),
            [.. Recipe, "--checkpoint", checkpoint, "--log", log]);
        Assert.Equal(exitCode, r.ExitCode);
        Assert.Contains($"checkpoint written to {checkpoint}", r.Stderr);
        var stoppedAt = int.Parse(r.Stderr.Split("interrupted after epoch ")[1].Split(';')[0]);
        Assert.Equal(stoppedAt.ToString(), SafeTensors.Read(checkpoint).Metadata["checkpoint_epoch"]);
        Assert.Equal(stoppedAt + 1, File.ReadAllLines(log).Length);
        Assert.Empty(Directory.GetFiles(dir, "*.tmp"));
    }

    [Fact]
    public void A_checkpoint_refuses_to_resume_a_different_run()
    {
        var dir = TestFiles.TempFolder();
        var checkpoint = Path.Combine(dir, "c.safetensors");
        Assert.Equal(0, PureCli.Run("train", TestFiles.Data("moons.csv"), "--layers", "8", "--epochs", "4", "--checkpoint-every", "2", "--checkpoint", checkpoint, "--quiet").ExitCode);
        var other = PureCli.Run("train", TestFiles.Data("moons.csv"), "--layers", "8", "--epochs", "8", "--lr", "0.02", "--resume", checkpoint);
        Assert.Equal(2, other.ExitCode);
        Assert.Contains("other settings or data", other.Stderr);
        var regression = PureCli.Run("train", TestFiles.Data("moons.csv"), "--layers", "8", "--epochs", "8", "--task", "regression", "--resume", checkpoint);
        Assert.Equal(2, regression.ExitCode);
        Assert.Contains("other settings or data", regression.Stderr);
        var shorter = PureCli.Run("train", TestFiles.Data("moons.csv"), "--layers", "8", "--epochs", "3", "--resume", checkpoint);
        Assert.Equal(2, shorter.ExitCode);
        Assert.Contains("--epochs 3 is not past the checkpoint's epoch 4", shorter.Stderr);
        var model = PureCli.Run("train", TestFiles.Data("moons.csv"), "--layers", "8", "--epochs", "8", "--resume", TestFiles.Data("xor.csv"));
        Assert.Equal(2, model.ExitCode);
        Assert.Contains("corrupt model file", model.Stderr);
    }

    /// <summary>Issue 12: the checkpoint keeps the schedule in steps; another schedule, warm-up or horizon (--epochs, for cosine) is refused by name.</summary>
    [Fact]
    public void A_checkpoint_keeps_its_schedule_and_refuses_another()
    {
        var dir = TestFiles.TempFolder();
        var checkpoint = Path.Combine(dir, "c.safetensors");
        string[] run = ["train", TestFiles.Data("moons.csv"), "--layers", "8", "--batch", "50", "--schedule", "cosine", "--warmup", "1", "--checkpoint-every", "2", "--checkpoint", checkpoint, "--quiet"];
        Assert.Equal(0, PureCli.Run([.. run, "--epochs", "4"]).ExitCode);
        Assert.Equal("cosine, warm-up 10 steps, over 40 steps", SafeTensors.Read(checkpoint).Metadata["checkpoint_schedule"]);
        var longer = PureCli.Run([.. run, "--epochs", "8", "--resume", checkpoint]);
        Assert.Equal(2, longer.ExitCode);
        Assert.Contains("made with the learning-rate schedule cosine, warm-up 10 steps, over 40 steps; this run's is cosine, warm-up 10 steps, over 80 steps", longer.Stderr);
        var constant = PureCli.Run("train", TestFiles.Data("moons.csv"), "--layers", "8", "--batch", "50", "--epochs", "8", "--resume", checkpoint);
        Assert.Equal(2, constant.ExitCode);
        Assert.Contains("this run's is constant", constant.Stderr);
        // a step schedule has no horizon: the same run continues to a longer --epochs when its period is given
        string[] step = ["train", TestFiles.Data("moons.csv"), "--layers", "8", "--batch", "50", "--schedule", "step", "--step-every", "2", "--checkpoint-every", "2", "--checkpoint", checkpoint, "--quiet"];
        Assert.Equal(0, PureCli.Run([.. step, "--epochs", "4"]).ExitCode);
        Assert.Equal(0, PureCli.Run([.. step, "--epochs", "6", "--resume", checkpoint]).ExitCode);
        Assert.Equal("6", SafeTensors.Read(checkpoint).Metadata["checkpoint_epoch"]);
    }

    /// <summary>Issue 14: --clip-norm is part of the run's settings: a checkpoint resumes with the same clipping only, and a bad norm is refused.</summary>
    [Fact]
    public void A_checkpoint_keeps_its_clipping_and_a_bad_norm_is_refused()
    {
        var dir = TestFiles.TempFolder();
        var checkpoint = Path.Combine(dir, "c.safetensors");
        string[] run = ["train", TestFiles.Data("moons.csv"), "--layers", "8", "--batch", "50", "--clip-norm", "0.25", "--checkpoint-every", "2", "--checkpoint", checkpoint, "--quiet"];
        var first = PureCli.Run([.. run, "--epochs", "2"]);
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("; clip-norm 0.25;", first.Stdout);
        Assert.Equal(0, PureCli.Run([.. run, "--epochs", "4", "--resume", checkpoint]).ExitCode);
        var unclipped = PureCli.Run("train", TestFiles.Data("moons.csv"), "--layers", "8", "--batch", "50", "--epochs", "6", "--resume", checkpoint, "--quiet");
        Assert.Equal(2, unclipped.ExitCode);
        Assert.Contains("clip-norm 0.25", unclipped.Stderr);
        foreach (var bad in new[] { "0", "-1", "nan", "inf" })
        {
            var r = PureCli.Run("train", TestFiles.Data("moons.csv"), "--clip-norm", bad);
            Assert.Equal(2, r.ExitCode);
            Assert.Contains("--clip-norm", r.Stderr);
            Assert.Single(r.Stderr.Trim().Split('\n'));
        }
    }

    [Fact]
    public void A_diverging_run_exits_1_and_keeps_the_last_good_checkpoint_readable()
    {
        var dir = TestFiles.TempFolder();
        var checkpoint = Path.Combine(dir, "d.safetensors");
        var r = PureCli.Run("train", TestFiles.Data("moons.csv"), "--task", "regression", "--label", "x2", "--layers", "16",
            "--optimizer", "sgd", "--lr", "0.3", "--epochs", "30", "--batch", "500", "--checkpoint-every", "1", "--checkpoint", checkpoint, "--quiet");
        Assert.Equal(1, r.ExitCode);
        var epoch = int.Parse(r.Stderr.Split("epoch ")[1].Split(':')[0]);
        Assert.Contains("lower learning rate", r.Stderr);
        Assert.Contains($"the checkpoint of epoch {epoch - 1} ({checkpoint}) is the last good one", r.Stderr);
        var file = SafeTensors.Read(checkpoint);
        Assert.Equal((epoch - 1).ToString(), file.Metadata["checkpoint_epoch"]);
        var model = ModelFile.Load(checkpoint);
        Assert.All(model.Params.ToArray(), v => Assert.True(float.IsFinite(v)));
        var eval = PureCli.Run("eval", checkpoint, TestFiles.Data("moons.csv"), "--label", "x2");
        Assert.Equal(0, eval.ExitCode);
    }

    /// <summary>
    /// Issue 11, item 6: one full-batch SGD step diverges while the epoch's loss, measured before the update, is
    /// still finite. At lr 1e39 (finite in double, past float's range in the kernel) the weights become non-finite;
    /// at 1e38 they stay finite but so large that the outputs are not numbers. Either way the run fails (exit 1)
    /// naming the epoch, saves nothing, and claims no checkpoint it never wrote.
    /// </summary>
    [Theory]
    [InlineData("1e39", "epoch 1: the parameters became non-finite after the update")]
    [InlineData("1e38", "epoch 1: the loss on the training rows became NaN after the update")]
    public void Divergence_after_the_last_update_fails_the_run_and_saves_nothing(string rate, string message)
    {
        var dir = TestFiles.TempFolder();
        var model = Path.Combine(dir, "m.safetensors");
        var r = PureCli.Run("train", TestFiles.Data("moons.csv"), "--layers", "8", "--optimizer", "sgd", "--lr", rate, "--batch", "500",
            "--epochs", "1", "--save", model);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(message, r.Stderr);
        Assert.Contains("nothing was saved", r.Stderr);
        Assert.DoesNotContain("checkpoint", r.Stderr);
        Assert.False(File.Exists(model));
        Assert.Empty(Directory.GetFiles(dir));
    }

    /// <summary>The saved standardisation is the training rows' statistics, not the whole file's (no test-set leak).</summary>
    [Fact]
    public void The_standardiser_is_fitted_on_the_training_rows_only()
    {
        var file = Path.Combine(TestFiles.TempFolder(), "m.safetensors");
        Assert.Equal(0, PureCli.Run("train", TestFiles.Data("digits.csv"), "--layers", "8", "--epochs", "1", "--test", "0.5", "--seed", "5", "--save", file, "--quiet").ExitCode);
        var table = Pure.Shell.Csv.CsvTableReader.Read(TestFiles.Data("digits.csv"), null);
        var all = table.Features;
        var (train, _, test) = Pure.Shell.Training.Holdout.Split(table.Rows, 0, 0.5, Rng.FromSeed(5).Fold(3));
        Assert.Equal(table.Rows - train.Length, test.Length);
        var expected = Standardiser.Fit(all.GatherRows(train));
        var everything = Standardiser.Fit(all);
        var saved = ModelFile.Load(file).Standardiser;
        Assert.Equal(expected.Means, saved.Means);
        Assert.Equal(expected.StdDevs, saved.StdDevs);
        Assert.NotEqual(everything.Means, saved.Means);
    }

    // a real process: the whole pipeline through the executable, as a user runs it
    [Fact]
    public void Train_save_then_predict_gives_the_classes_the_trained_model_gives()
    {
        var dir = TestFiles.TempFolder();
        var file = Path.Combine(dir, "m.safetensors");
        Assert.Equal(0, PureProcess.Run("train", TestFiles.Data("moons.csv"), "--layers", "8", "--epochs", "20", "--save", file, "--quiet").ExitCode);
        var saved = ModelFile.Load(file);
        var table = Pure.Shell.Csv.CsvTableReader.Read(TestFiles.Data("moons.csv"), null);
        var x = saved.Standardiser.Apply(table.Features);
        var expected = saved.ToModel().Classify(x).ThrowIfFail();
        var predicted = PureProcess.Run("predict", file, TestFiles.Data("moons.csv"));
        Assert.Equal(0, predicted.ExitCode);
        var lines = predicted.Stdout.Trim().Split('\n').Skip(1).Select(l => l.Trim()).ToArray();
        Assert.Equal(expected.Select(c => saved.ClassNames[c]), lines);
    }
}
