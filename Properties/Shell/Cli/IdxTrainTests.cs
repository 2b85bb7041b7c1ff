using System.Buffers.Binary;
using System.IO.Compression;
using Pure.Properties.Support;

namespace Pure.Properties;

/// <summary><c>pure train --data FOLDER</c> on a small MNIST-format dataset written here (4×4 images, the bright quadrant is the class).</summary>
public class IdxTrainTests
{
    static void WriteSet(string dir, string prefix, int count, Rng rng)
    {
        var images = new byte[16 + count * 16];
        var labels = new byte[8 + count];
        BinaryPrimitives.WriteInt32BigEndian(images, 0x803);
        BinaryPrimitives.WriteInt32BigEndian(images.AsSpan(4), count);
        BinaryPrimitives.WriteInt32BigEndian(images.AsSpan(8), 4);
        BinaryPrimitives.WriteInt32BigEndian(images.AsSpan(12), 4);
        BinaryPrimitives.WriteInt32BigEndian(labels, 0x801);
        BinaryPrimitives.WriteInt32BigEndian(labels.AsSpan(4), count);
        for (var i = 0; i < count; i++)
        {
            var quadrant = rng.Below((ulong)i, 4);
            labels[8 + i] = (byte)quadrant;
            for (var p = 0; p < 16; p++)
            {
                var (row, col) = (p / 4, p % 4);
                var inQuadrant = row / 2 == quadrant / 2 && col / 2 == quadrant % 2;
                images[16 + i * 16 + p] = (byte)((inQuadrant ? 150 : 0) + rng.Below((ulong)(1000 + i * 16 + p), 100));
            }
        }
        using (var file = File.Create(Path.Combine(dir, $"{prefix}-images-idx3-ubyte.gz")))
        using (var gz = new GZipStream(file, CompressionLevel.Fastest)) gz.Write(images);
        File.WriteAllBytes(Path.Combine(dir, $"{prefix}-labels-idx1-ubyte"), labels);
    }

    [Fact]
    public void Trains_on_an_idx_folder_and_tests_on_its_t10k_files()
    {
        var dir = TestFiles.TempFolder();
        WriteSet(dir, "train", 400, Rng.FromSeed(1));
        WriteSet(dir, "t10k", 100, Rng.FromSeed(2));
        var r = PureCli.Run("train", "--data", dir, "--layers", "16", "--epochs", "15", "--val", "0.1", "--quiet");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("500 rows, 16 features, 4 classes (0, 1, 2, 3); 360 for training, 40 for validation, 100 for testing", r.Stdout);
        var line = r.Stdout.Split('\n').Single(l => l.StartsWith("final test accuracy: ", StringComparison.Ordinal));
        Assert.True(double.Parse(line["final test accuracy: ".Length..line.IndexOf('%')], System.Globalization.CultureInfo.InvariantCulture) >= 95, line);
    }

    /// <summary>Issue 12: eval and predict take the folder too and use its t10k split: the numbers train reported for its test split.</summary>
    [Fact]
    public void Eval_and_predict_on_the_folder_use_its_t10k_split()
    {
        var dir = TestFiles.TempFolder();
        WriteSet(dir, "train", 300, Rng.FromSeed(3));
        WriteSet(dir, "t10k", 70, Rng.FromSeed(4));
        var model = Path.Combine(dir, "m.safetensors");
        var train = PureCli.Run("train", "--data", dir, "--layers", "8", "--epochs", "3", "--quiet", "--save", model);
        Assert.Equal(0, train.ExitCode);
        var final = train.Stdout.Split('\n').Single(l => l.StartsWith("final test accuracy: ", StringComparison.Ordinal));
        var eval = PureCli.Run("eval", model, "--data", dir);
        Assert.Equal(0, eval.ExitCode);
        Assert.Contains("t10k-images-idx3-ubyte.gz: 70 rows", eval.Stdout);
        // "final test accuracy: 97.14%, loss 0.123456 (70 rows)" against eval's "loss 0.123456" and "accuracy 97.14%"
        var (accuracy, loss) = (final.Split(' ')[3].TrimEnd(','), final.Split(' ')[5]);
        Assert.Contains($"loss      {loss}", eval.Stdout);
        Assert.Contains($"accuracy  {accuracy} (", eval.Stdout);
        var predict = PureCli.Run("predict", model, "--data", dir);
        Assert.Equal(0, predict.ExitCode);
        var rows = predict.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal("label", rows[0]);
        Assert.Equal(71, rows.Length);
        Assert.All(rows[1..], r => Assert.Contains(r, new[] { "0", "1", "2", "3" }));
    }

    [Theory]
    [InlineData("eval", "MODEL", "CSV", "--data", "DIR", "eval: give a CSV file or --data FOLDER (one of them)")]
    [InlineData("predict", "MODEL", "", "", "", "predict: give a CSV file or --data FOLDER (one of them)")]
    [InlineData("eval", "MODEL", "", "--data", "DIR", "--label picks CSV columns; it does not apply to --data", "--label", "x")]
    [InlineData("eval", "OTHER", "", "--data", "DIR", "images of 16 pixels, but the model takes 2 features")]
    [InlineData("predict", "MODEL", "", "--data", "/nonexistent/fashion", "no such folder")]
    public void Eval_and_predict_refuse_a_wrong_source(string command, string model, string csv, string option, string folder, string message, params string[] more)
    {
        var dir = TestFiles.TempFolder();
        WriteSet(dir, "train", 40, Rng.FromSeed(5));
        WriteSet(dir, "t10k", 10, Rng.FromSeed(6));
        var path = Path.Combine(dir, "m.safetensors");
        var other = Path.Combine(dir, "o.safetensors");
        Assert.Equal(0, PureCli.Run("train", "--data", dir, "--layers", "4", "--epochs", "1", "--quiet", "--save", path).ExitCode);
        Assert.Equal(0, PureCli.Run("train", TestFiles.Data("moons.csv"), "--layers", "4", "--epochs", "1", "--quiet", "--save", other).ExitCode);
        string[] args = [command, model == "MODEL" ? path : other, .. csv == "" ? [] : new[] { TestFiles.Data("moons.csv") },
            .. option == "" ? [] : new[] { option, folder == "DIR" ? dir : folder }, .. more];
        var r = PureCli.Run(args);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Stderr);
        Assert.Single(r.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public void A_missing_folder_names_the_debian_package()
    {
        var r = PureCli.Run("train", "--data", "/nonexistent/fashion");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("dataset-fashion-mnist", r.Stderr);
    }

    [Fact]
    public void A_csv_and_a_folder_together_or_neither_is_a_usage_error()
    {
        foreach (var r in new[] { PureCli.Run("train"), PureCli.Run("train", TestFiles.Data("xor.csv"), "--data", "/tmp") })
        {
            Assert.Equal(2, r.ExitCode);
            Assert.Contains("give a CSV file or --data FOLDER", r.Stderr);
        }
    }

    static void SetLabels(string dir, string prefix, Func<int, byte, byte> relabel)
    {
        var path = Path.Combine(dir, $"{prefix}-labels-idx1-ubyte");
        var labels = File.ReadAllBytes(path);
        for (var i = 8; i < labels.Length; i++) labels[i] = relabel(i - 8, labels[i]);
        File.WriteAllBytes(path, labels);
    }

    /// <summary>Issue 11, item 14: a stray label byte, or a single class, is named with the folder, not turned into classes.</summary>
    [Fact]
    public void A_stray_label_or_a_single_class_is_refused_naming_the_folder()
    {
        var dir = TestFiles.TempFolder();
        WriteSet(dir, "train", 100, Rng.FromSeed(1));
        WriteSet(dir, "t10k", 20, Rng.FromSeed(2));
        SetLabels(dir, "train", (i, l) => i == 7 ? (byte)255 : l);
        var stray = PureCli.Run("train", "--data", dir, "--epochs", "1");
        Assert.Equal(2, stray.ExitCode);
        Assert.Contains($"{dir}: the labels run from 0 to 255 (5 values found), but 4, 5, 6", stray.Stderr);
        Assert.Contains("have no example and 255 have a single one (a stray label?)", stray.Stderr);
        SetLabels(dir, "train", (_, _) => 0);
        SetLabels(dir, "t10k", (_, _) => 0);
        var single = PureCli.Run("train", "--data", dir, "--epochs", "1");
        Assert.Equal(2, single.ExitCode);
        Assert.Contains($"{dir}: every label is 0: nothing to classify", single.Stderr);
    }
}
