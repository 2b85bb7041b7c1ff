using System.Globalization;
using System.Text.RegularExpressions;
using Pure.Core.Backends.Cpu;
using Pure.Core.Training;
using Pure.Properties.Support;
using Pure.Shell.Models;

namespace Pure.Properties;

/// <summary><c>pure eval</c> and <c>pure predict</c>, run through <c>Program.Run</c>, against the same models loaded in the test, and on damaged model files.</summary>
public class EvalPredictTests(SavedModelsFixture models) : IClassFixture<SavedModelsFixture>
{
    static double Parse(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    static string[][] Rows(string csv) => csv.TrimEnd('\n').Split('\n').Select(l => l.Split(',')).ToArray();

    static double InProcessLoss(TrainedModels.Trained t) =>
        Inference.Loss(TestBackends.Float, t.Model.Network, t.Model.Params, t.Model.Loss, t.X, t.Targets.Dense).ThrowIfFail();

    [Fact]
    public void Predict_on_the_training_csv_gives_the_classes_the_model_gives_in_process()
    {
        var t = models.Moons;
        var r = PureCli.Run("predict", t.Path, t.Table.Path);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Stderr);
        var rows = Rows(r.Stdout);
        Assert.Equal(["label"], rows[0]);
        var expected = t.Model.Classify(t.X).ThrowIfFail().Select(c => t.Targets.ClassNames[c]);
        Assert.Equal(expected, rows.Skip(1).Select(row => Assert.Single(row)));
    }

    [Fact]
    public void Predict_with_proba_adds_one_probability_per_class_equal_to_the_in_process_prediction()
    {
        foreach (var t in new[] { models.Moons, models.Blobs })
        {
            var r = PureCli.Run("predict", t.Path, t.Table.Path, "--proba");
            Assert.Equal(0, r.ExitCode);
            var rows = Rows(r.Stdout);
            Assert.Equal(t.Targets.ClassNames.Select(c => $"p_{c}").Prepend(t.Table.LabelName), rows[0]);
            var p = t.Model.Predict(t.X).ThrowIfFail();
            for (var i = 0; i < t.Table.Rows; i++)
            {
                var row = rows[i + 1];
                var probabilities = row.Skip(1).Select(Parse).ToArray();
                Assert.Equal(1.0, probabilities.Sum(), 1e-6);
                if (p.Cols == 1) Assert.Equal(p[i, 0], probabilities[1], 1e-7);
                else for (var c = 0; c < p.Cols; c++) Assert.Equal(p[i, c], probabilities[c], 1e-7);
                Assert.Equal(t.Targets.ClassNames[Array.IndexOf(probabilities, probabilities.Max())], row[0]);
            }
        }
    }

    [Fact]
    public void Predict_needs_no_label_column_and_predicts_values_for_regression()
    {
        var t = models.Sine;
        var unlabelled = Path.Combine(models.Folder, "sine-x.csv");
        File.WriteAllLines(unlabelled, File.ReadAllLines(t.Table.Path).Select(l => l.Split(',')[0]));
        var r = PureCli.Run("predict", t.Path, unlabelled);
        Assert.Equal(0, r.ExitCode);
        var rows = Rows(r.Stdout);
        Assert.Equal(["y"], rows[0]);
        var p = t.Model.Predict(t.X).ThrowIfFail();
        for (var i = 0; i < p.Rows; i++) Assert.Equal(p[i, 0], float.Parse(rows[i + 1][0], CultureInfo.InvariantCulture), 1e-6f);
        var proba = PureCli.Run("predict", t.Path, unlabelled, "--proba");
        Assert.Equal(2, proba.ExitCode);
        Assert.Contains("regression model", proba.Stderr);
    }

    [Fact]
    public void Eval_prints_the_loss_and_accuracy_the_model_has_in_process_and_a_confusion_matrix()
    {
        var t = models.Blobs;
        var r = PureCli.Run("eval", t.Path, t.Table.Path);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Stderr);
        var predicted = t.Model.Classify(t.X).ThrowIfFail();
        var accuracy = Metrics.Accuracy(predicted, t.Targets.Classes);
        var printed = Regex.Match(r.Stdout, @"accuracy\s+([0-9.]+)% \((\d+) of 150\)");
        Assert.True(printed.Success, r.Stdout);
        Assert.Equal(accuracy * 100, Parse(printed.Groups[1].Value), 0.005 + 1e-9);
        Assert.Equal(InProcessLoss(t), Parse(Regex.Match(r.Stdout, @"loss\s+([0-9.]+)").Groups[1].Value), 5e-7 + 1e-9);

        var confusion = Metrics.ConfusionMatrix(predicted, t.Targets.Classes, 3);
        var lines = r.Stdout.Split('\n');
        var header = Array.FindIndex(lines, l => l.StartsWith("actual", StringComparison.Ordinal));
        Assert.Equal(["actual", "blue", "green", "red"], lines[header].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        for (var a = 0; a < 3; a++)
        {
            var cells = lines[header + 1 + a].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(t.Targets.ClassNames[a], cells[0]);
            Assert.Equal(Enumerable.Range(0, 3).Select(p => confusion[a, p]), cells.Skip(1).Select(int.Parse));
        }
        Assert.Matches(@"class\s+precision\s+recall\s+support", r.Stdout);
        Assert.Matches(@"\nblue\s+[0-9.]+%\s+[0-9.]+%\s+50\n", r.Stdout);
    }

    [Fact]
    public void Eval_of_a_two_class_and_a_regression_model()
    {
        var moons = PureCli.Run("eval", models.Moons.Path, models.Moons.Table.Path);
        Assert.Equal(0, moons.ExitCode);
        var accuracy = models.Moons.Model.Accuracy(models.Moons.X, models.Moons.Targets.Dense).ThrowIfFail();
        Assert.Contains($"accuracy  {(accuracy * 100).ToString("F2", CultureInfo.InvariantCulture)}%", moons.Stdout);

        var t = models.Sine;
        var r = PureCli.Run("eval", t.Path, t.Table.Path);
        Assert.Equal(0, r.ExitCode);
        var mse = InProcessLoss(t);
        Assert.Equal(mse, Parse(Regex.Match(r.Stdout, @"loss \(mse\)\s+([0-9.]+)").Groups[1].Value), 5e-7 + 1e-9);
        Assert.Equal(Math.Sqrt(mse), Parse(Regex.Match(r.Stdout, @"rmse\s+([0-9.]+)").Groups[1].Value), 5e-7 + 1e-9);
        Assert.DoesNotContain("accuracy", r.Stdout);
    }

    [Theory]
    [InlineData("x1,z,label\n1,2,0\n", ":1: no column named 'x2'")]
    [InlineData("x1,x2,label\n1,2,0\n3,4,7\n", ":3: column 'label': label '7' is not one of the model's classes (0, 1)")]
    [InlineData("x1,x2\n1,2\n", ":1: no column named 'label'")]
    public void Data_that_does_not_fit_the_model_is_refused_naming_the_file(string csv, string message)
    {
        var file = Path.Combine(TestFiles.TempFolder(), "data.csv");
        File.WriteAllText(file, csv);
        var r = PureCli.Run("eval", models.Moons.Path, file);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"{file}", r.Stderr);
        Assert.Contains(message, r.Stderr);
        Assert.Single(r.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public void The_model_picks_its_feature_columns_by_name_whatever_their_order_and_extra_columns()
    {
        var file = Path.Combine(TestFiles.TempFolder(), "shuffled.csv");
        var rows = File.ReadAllLines(models.Moons.Table.Path);
        File.WriteAllLines(file, rows.Select((l, i) => { var c = l.Split(','); return i == 0 ? $"note,{c[1]},label,{c[0]}" : $"7,{c[1]},{c[2]},{c[0]}"; }));
        var shuffled = PureCli.Run("predict", models.Moons.Path, file);
        var original = PureCli.Run("predict", models.Moons.Path, models.Moons.Table.Path);
        Assert.Equal(0, shuffled.ExitCode);
        Assert.Equal(original.Stdout, shuffled.Stdout);
    }

    /// <summary>The moons model's file, damaged in one way.</summary>
    string Damaged(string kind)
    {
        var path = Path.Combine(TestFiles.TempFolder(), "damaged.safetensors");
        var bytes = File.ReadAllBytes(models.Moons.Path);
        switch (kind)
        {
            case "truncated data": bytes = bytes[..^10]; break;
            case "truncated header": bytes = bytes[..100]; break;
            case "brace": bytes[8] ^= 0x01; break;
            case "length low byte": bytes[0] ^= 0x01; break;
            case "length high byte": bytes[7] ^= 0x80; break;
            case "wrong shape":
            case "version":
            case "missing metadata":
                var file = SafeTensors.Read(models.Moons.Path);
                var meta = file.Metadata.ToDictionary();
                var tensors = file.Tensors.ToList();
                if (kind == "wrong shape") tensors[0] = tensors[0] with { Shape = [2, 8] };
                if (kind == "version") meta["format_version"] = "99";
                if (kind == "missing metadata") meta.Remove("class_names");
                SafeTensors.Write(path, tensors, meta);
                return path;
            default: throw new ArgumentException(kind);
        }
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Theory]
    [InlineData("truncated data", "-byte data buffer (truncated file?)")]
    [InlineData("truncated header", "is larger than the 92 bytes that follow it (truncated file?)")]
    [InlineData("brace", "corrupt model file: the header does not start with '{'")]
    [InlineData("length low byte", "corrupt model file: ")]
    [InlineData("length high byte", "is absurd")]
    [InlineData("wrong shape", "tensor '0.weight' has shape [2, 8], the architecture needs [8, 2]")]
    [InlineData("version", "model format version '99' is not supported (this pure reads versions 1 and 2)")]
    [InlineData("missing metadata", "metadata 'class_names' is missing")]
    public void A_damaged_model_file_is_refused_by_eval_and_predict_with_exit_code_2(string kind, string message)
    {
        var path = Damaged(kind);
        var runs = new[] { "eval", "predict" }.AsParallel().Select(command => PureCli.Run(command, path, models.Moons.Table.Path)).ToArray();
        foreach (var r in runs)
        {
            Assert.Equal(2, r.ExitCode);
            Assert.StartsWith($"pure: {path}: ", r.Stderr);
            Assert.Contains(message, r.Stderr);
            Assert.Single(r.Stderr.Trim().Split('\n'));
            Assert.DoesNotContain("   at ", r.Stderr);
            Assert.Equal("", r.Stdout);
        }
    }

    [Fact]
    public void A_missing_model_file_is_a_usage_error()
    {
        var path = Path.Combine(models.Folder, "absent.safetensors");
        var r = PureCli.Run("predict", path, models.Moons.Table.Path);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"{path}: no such file", r.Stderr);
    }
}
