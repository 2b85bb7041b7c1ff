using Pure.Properties.Support;

namespace Pure.Properties;

/// <summary><c>pure train</c> on files, run in-process through <c>Program.Run</c>: results, errors with file and line, exit codes.</summary>
public class TrainCommandTests
{
    [Fact]
    public void Trains_xor_from_the_bundled_csv()
    {
        var r = PureCli.Run("train", TestFiles.Data("xor.csv"), "--layers", "4", "--activation", "tanh", "--lr", "0.1", "--epochs", "500", "--batch", "4", "--print-every", "100");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("2 classes (0, 1)", r.Stdout);
        Assert.Contains("epoch   100/500", r.Stdout);
        Assert.Contains("final training accuracy: 100.00%", r.Stdout);
        Assert.Equal("", r.Stderr);
    }

    [Fact]
    public void The_same_seed_prints_the_same_run_and_another_seed_does_not()
    {
        string[] args = ["train", TestFiles.Data("moons.csv"), "--layers", "8", "--epochs", "3", "--dropout", "0.2"];
        var a = PureCli.Run([.. args, "--seed", "4"]);
        var b = PureCli.Run([.. args, "--seed", "4"]);
        var c = PureCli.Run([.. args, "--seed", "5"]);
        Assert.Equal(a.Stdout, b.Stdout);
        Assert.NotEqual(a.Stdout.Replace("seed 4", ""), c.Stdout.Replace("seed 5", ""));
    }

    [Fact]
    public void String_labels_in_a_named_column_become_classes_and_softmax_is_chosen_for_three()
    {
        var dir = TestFiles.TempFolder();
        var file = Path.Combine(dir, "fruit.csv");
        var lines = new List<string> { "kind,weight,size" };
        for (var i = 0; i < 30; i++) lines.Add($"{new[] { "apple", "pear", "plum" }[i % 3]},{i % 3 * 10 + i % 2},{i % 3}");
        File.WriteAllLines(file, lines);
        var r = PureCli.Run("train", file, "--label", "kind", "--layers", "8", "--epochs", "60", "--lr", "0.05");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("3 classes (apple, pear, plum)", r.Stdout);
        Assert.Contains("softmax-cross-entropy", r.Stdout);
        Assert.Contains("final training accuracy: 100.00%", r.Stdout);
    }

    [Theory]
    [InlineData("a,b,label\n1,2,0\n3,4\n", ":3: has 2 fields, the header has 3")]
    [InlineData("a,b,label\n1,2,0\n3,x,1\n", ":3: column 'b': 'x' is not a number")]
    [InlineData("a,b,label\n1,,0\n", ":2: column 'b': missing value")]
    [InlineData("", "the file is empty")]
    [InlineData("a,b,label\n1,2,0\n3,4,0\n", "has a single class ('0')")]
    [InlineData("a,a,label\n1,2,0\n3,4,1\n", ":1: column 'a' appears 2 times in the header")]
    public void Malformed_csv_is_one_line_on_stderr_with_exit_code_2(string contents, string message)
    {
        var file = Path.Combine(TestFiles.TempFolder(), "bad.csv");
        File.WriteAllText(file, contents);
        var model = Path.Combine(Path.GetDirectoryName(file)!, "model.safetensors");
        var r = PureCli.Run("train", file, "--save", model, "--log", model + ".csv", "--checkpoint-every", "1");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal(["bad.csv"], Directory.GetFiles(Path.GetDirectoryName(file)!).Select(Path.GetFileName));
        Assert.Contains(message, r.Stderr);
        Assert.Contains(file, r.Stderr);
        Assert.Single(r.Stderr.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", r.Stderr);
    }

    [Fact]
    public void Features_picks_columns_by_name_and_the_saved_model_evaluates_on_the_full_file()
    {
        var dir = TestFiles.TempFolder();
        var file = Path.Combine(dir, "extra.csv");
        var rows = File.ReadAllLines(TestFiles.Data("moons.csv"));
        File.WriteAllLines(file, rows.Select((l, i) => i == 0 ? "noise," + l : $"{i % 7}," + l));
        var model = Path.Combine(dir, "m.safetensors");
        var r = PureCli.Run("train", file, "--features", "x2,x1", "--layers", "8", "--epochs", "30", "--save", model, "--quiet");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("500 rows, 2 features", r.Stdout);
        Assert.Equal("[\"x2\",\"x1\"]", Pure.Shell.Models.SafeTensors.Read(model).Metadata["feature_names"]);
        var eval = PureCli.Run("eval", model, file);
        Assert.Equal(0, eval.ExitCode);
        Assert.Contains("accuracy", eval.Stdout);
        var missing = PureCli.Run("train", file, "--features", "x1,x9");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains(":1: no column named 'x9'", missing.Stderr);
    }

    // a real process: the executable's exit code for bad input, from a refused option and from the parser
    [Fact]
    public void A_missing_label_column_and_bad_options_are_usage_errors()
    {
        var missing = PureProcess.Run("train", TestFiles.Data("xor.csv"), "--label", "nope");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no column named 'nope'", missing.Stderr);
        var optimiser = PureProcess.Run("train", TestFiles.Data("xor.csv"), "--optimizer", "adadelta");
        Assert.Equal(2, optimiser.ExitCode);
        Assert.Contains("--optimizer: unknown optimizer 'adadelta'", optimiser.Stderr);
        var unknown = PureProcess.Run("train", TestFiles.Data("xor.csv"), "--epoch", "3");
        Assert.Equal(2, unknown.ExitCode);
    }

    [Theory]
    [InlineData("--save", "/nonexistent/folder/m.safetensors", "the folder /nonexistent/folder does not exist")]
    [InlineData("--log", "/", "is a folder, not a file")]
    [InlineData("--plot", "/proc/no-such/plots", "cannot write there")]
    [InlineData("--save", "/proc/m.safetensors", "cannot write there")]
    public void Unwritable_outputs_are_refused_before_training(string option, string path, string message)
    {
        var r = PureCli.Run("train", TestFiles.Data("moons.csv"), "--epochs", "1000", option, path);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Stderr);
        Assert.DoesNotContain("epoch", r.Stdout);
        Assert.Single(r.Stderr.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("--dropout", "nan", "--dropout")]
    [InlineData("--val", "nan", "--val")]
    [InlineData("--save", "", "the file name is empty")]
    public void Not_a_number_and_empty_names_are_refused(string option, string value, string message)
    {
        var r = PureCli.Run("train", TestFiles.Data("xor.csv"), option, value);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Stderr);
    }

    /// <summary>Issue 12: the schedule's options are checked before any data is read, each error naming its option.</summary>
    [Theory]
    [InlineData("--schedule linear", "--schedule: unknown schedule 'linear' (one of constant, step, cosine, onecycle)")]
    [InlineData("--schedule cosine --warmup -1", "--warmup: must be at least 0 epochs, got -1")]
    [InlineData("--schedule cosine --warmup 10 --epochs 10", "--warmup 10 leaves no epoch after it (--epochs 10)")]
    [InlineData("--schedule onecycle --warmup 2", "--warmup does not apply to --schedule onecycle")]
    [InlineData("--schedule cosine --gamma 0.5", "--gamma applies to --schedule step, not cosine")]
    [InlineData("--step-every 2", "--step-every applies to --schedule step, not constant")]
    [InlineData("--schedule step --step-every 0", "--step-every: must be at least 1 epoch, got 0")]
    [InlineData("--schedule step --gamma 2", "--gamma: 2 is not in (0, 1]")]
    [InlineData("--schedule step --gamma nan", "--gamma: NaN is not in (0, 1]")]
    [InlineData("--schedule cosine --epochs 2000000000 --batch 1", "more than 2147483647 steps")]
    public void Bad_schedules_are_refused_by_name(string options, string message)
    {
        var r = PureCli.Run(["train", TestFiles.Data("moons.csv"), .. options.Split(' ')]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Stderr);
        Assert.DoesNotContain("epoch ", r.Stdout);
        Assert.Single(r.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public void A_schedule_is_named_in_the_header_and_changes_the_run()
    {
        string[] run = ["train", TestFiles.Data("moons.csv"), "--layers", "8", "--epochs", "6", "--seed", "2", "--quiet"];
        var constant = PureCli.Run(run);
        var cosine = PureCli.Run([.. run, "--schedule", "cosine", "--warmup", "1"]);
        var step = PureCli.Run([.. run, "--schedule", "step", "--gamma", "0.5"]);
        Assert.Equal(0, cosine.ExitCode);
        Assert.Contains("optimizer adam lr 0.01, schedule cosine, warm-up 1 epoch, over 6 epochs; batch 32", cosine.Stdout);
        Assert.Contains("schedule step ×0.5 every 2 epochs; batch 32", step.Stdout);
        Assert.DoesNotContain("schedule", constant.Stdout);
        string Final(PureCli.Result r) => r.Stdout.Split('\n').Single(l => l.StartsWith("final training", StringComparison.Ordinal));
        Assert.NotEqual(Final(constant), Final(cosine));
        Assert.NotEqual(Final(constant), Final(step));
    }

    [Fact]
    public void Regression_values_given_as_classes_get_a_hint()
    {
        var r = PureCli.Run("train", TestFiles.Data("sine.csv"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("use --task regression", r.Stderr);
        Assert.Equal(0, PureCli.Run("train", TestFiles.Data("sine.csv"), "--task", "regression", "--epochs", "2", "--quiet").ExitCode);
    }

    // a real process: the executable's exit code for a failed run
    [Fact]
    public void A_diverging_run_stops_with_exit_code_1_naming_the_epoch()
    {
        var r = PureProcess.Run("train", TestFiles.Data("moons.csv"), "--task", "regression", "--label", "x2", "--optimizer", "sgd", "--lr", "1e30", "--epochs", "5");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("epoch 1:", r.Stderr);
        Assert.Contains("lower learning rate", r.Stderr);
    }

    [Fact]
    public void Digits_reach_95_percent_on_a_held_out_quarter()
    {
        var r = PureCli.Run("train", TestFiles.Data("digits.csv"), "--layers", "64", "--test", "0.25", "--epochs", "30", "--quiet");
        Assert.Equal(0, r.ExitCode);
        var line = r.Stdout.Split('\n').Single(l => l.StartsWith("final test accuracy: ", StringComparison.Ordinal));
        var accuracy = double.Parse(line["final test accuracy: ".Length..line.IndexOf('%')], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(accuracy >= 95, line);
        Assert.Contains("449 rows", line);
    }

    [Fact]
    public void Early_stopping_restores_the_best_epoch_and_the_log_has_one_row_per_epoch()
    {
        var log = Path.Combine(TestFiles.TempFolder(), "log.csv");
        var r = PureCli.Run("train", TestFiles.Data("moons.csv"), "--layers", "32,32,16", "--val", "0.2", "--patience", "5", "--epochs", "300", "--log", log, "--quiet");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("early stop at epoch", r.Stdout);
        var rows = File.ReadAllLines(log);
        Assert.Equal("epoch,loss,accuracy,val_loss,val_accuracy,seconds", rows[0]);
        var epochs = rows.Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(Enumerable.Range(1, epochs.Length), epochs.Select(c => int.Parse(c[0])));
        Assert.True(epochs.Length < 300);
        var valLosses = epochs.Select(c => double.Parse(c[3], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var best = Array.IndexOf(valLosses, valLosses.Min()) + 1;
        Assert.Equal(epochs.Length, best + 5);
        Assert.Contains($"weights of epoch {best}", r.Stdout);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(log)!, "*.tmp"));
    }

    [Fact]
    public void Plot_writes_training_curves_and_a_decision_boundary()
    {
        var dir = TestFiles.TempFolder();
        var r = PureCli.Run("train", TestFiles.Data("moons.csv"), "--layers", "8", "--epochs", "10", "--val", "0.2", "--plot", dir, "--quiet");
        Assert.Equal(0, r.ExitCode);
        foreach (var (file, width) in new[] { ("training-curves.png", 1100), ("decision-boundary.png", 800) })
        {
            var (w, h, colours) = Pure.Shell.Plots.Animation.Decode(File.ReadAllBytes(Path.Combine(dir, file)));
            Assert.Equal((width, 550), (w, h));
            Assert.True(colours.Distinct().Count() > 16);
        }
        var perceptron = Path.Combine(dir, "and.png");
        Assert.Equal(0, PureCli.Run("perceptron", TestFiles.Data("and.csv"), "--plot", perceptron).ExitCode);
        Assert.True(Pure.Shell.Plots.Animation.Decode(File.ReadAllBytes(perceptron)).Colours.Distinct().Count() > 16);
        var threeFeatures = Path.Combine(dir, "three.csv");
        File.WriteAllLines(threeFeatures, ["a,b,c,label", "0,0,1,0", "1,1,0,1"]);
        var wide = PureCli.Run("perceptron", threeFeatures, "--plot", perceptron);
        Assert.Equal(2, wide.ExitCode);
        Assert.Contains("the picture needs exactly two", wide.Stderr);
    }

    [Fact]
    public void Generate_writes_the_bundled_moons_byte_for_byte()
    {
        var file = Path.Combine(TestFiles.TempFolder(), "moons.csv");
        var r = PureCli.Run("generate", "moons", "--rows", "500", "--noise", "0.2", "--seed", "0", "--out", file);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(File.ReadAllText(TestFiles.Data("moons.csv")), File.ReadAllText(file));
    }
}
