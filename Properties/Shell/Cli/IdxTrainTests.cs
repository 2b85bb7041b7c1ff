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
