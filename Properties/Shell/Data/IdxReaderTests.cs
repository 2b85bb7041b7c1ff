using System.Buffers.Binary;
using System.IO.Compression;
using Pure.Properties.Support;
using Pure.Shell.Cli;
using Pure.Shell.Data;

namespace Pure.Properties;

/// <summary>The IDX reader on small files written here (plain and gzip), whole and damaged; never on the installed dataset.</summary>
public class IdxReaderTests
{
    /// <summary>An IDX file: big-endian magic and sizes, then the bytes (for images: pixel i is i·7 mod 256).</summary>
    static byte[] Idx(int magic, int[] dims, int? dataBytes = null)
    {
        var count = dataBytes ?? dims.Aggregate(1, (p, d) => p * d);
        var file = new byte[4 + 4 * dims.Length + count];
        BinaryPrimitives.WriteInt32BigEndian(file, magic);
        for (var i = 0; i < dims.Length; i++) BinaryPrimitives.WriteInt32BigEndian(file.AsSpan(4 + 4 * i), dims[i]);
        for (var i = 0; i < count; i++) file[4 + 4 * dims.Length + i] = (byte)(i * 7 % 256);
        return file;
    }

    static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.Fastest)) gz.Write(data);
        return output.ToArray();
    }

    static string Write(string dir, string name, byte[] bytes)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Images_and_labels_read_back_plain_or_gzipped(bool gzip)
    {
        var dir = TestFiles.TempFolder();
        byte[] Encode(byte[] b) => gzip ? Gzip(b) : b;
        var images = IdxReader.ReadImages(Write(dir, "images", Encode(Idx(0x803, [3, 2, 5]))));
        Assert.Equal((3, 2, 5), (images.Count, images.Rows, images.Cols));
        Assert.Equal(Enumerable.Range(0, 30).Select(i => i * 7 % 256 / 255f), images.Pixels);
        Assert.All(images.Pixels, p => Assert.InRange(p, 0f, 1f));
        var labels = IdxReader.ReadLabels(Write(dir, "labels", Encode(Idx(0x801, [4]))));
        Assert.Equal([0, 7, 14, 21], labels);
    }

    [Fact]
    public void A_folder_of_the_four_standard_files_reads_as_one_image_per_row()
    {
        var dir = TestFiles.TempFolder();
        Write(dir, "train-images-idx3-ubyte.gz", Gzip(Idx(0x803, [4, 2, 3])));
        Write(dir, "train-labels-idx1-ubyte", Idx(0x801, [4]));
        Write(dir, "t10k-images-idx3-ubyte", Idx(0x803, [2, 2, 3]));
        Write(dir, "t10k-labels-idx1-ubyte.gz", Gzip(Idx(0x801, [2])));
        var (images, labels, trainRows) = IdxReader.ReadDirectory(dir);
        Assert.Equal((6, 6, 4), (images.Rows, images.Cols, trainRows));
        Assert.Equal(Enumerable.Range(0, 24).Concat(Enumerable.Range(0, 12)).Select(i => i * 7 % 256 / 255f), images.ToArray());
        Assert.Equal([0, 7, 14, 21, 0, 7], labels);
    }

    [Theory]
    [InlineData("truncated", false, "truncated: the file ends after 29 of the 30 data bytes its IDX header promises")]
    [InlineData("truncated", true, "truncated: the file ends after 29 of the 30 data bytes its IDX header promises")]
    [InlineData("header cut", false, "truncated: the file ends inside the IDX header (10 of 16 bytes)")]
    [InlineData("wrong magic", false, "not an IDX image file (magic 0x00000801, expected 0x00000803)")]
    [InlineData("wrong magic", true, "not an IDX image file (magic 0x00000801, expected 0x00000803)")]
    [InlineData("zero size", false, "IDX size 1 is 0, not a positive count")]
    [InlineData("trailing", false, "unexpected bytes after the 30 data bytes the IDX header promises")]
    [InlineData("trailing", true, "unexpected bytes after the 30 data bytes the IDX header promises")]
    [InlineData("bad gzip", true, "damaged gzip data")]
    [InlineData("gzip trailer cut", true, "uncompressed bytes, but 46 were decoded (its end is cut off or damaged)")]
    [InlineData("gzip end cut", true, "uncompressed bytes, but 46 were decoded (its end is cut off or damaged)")]
    [InlineData("gzip stub", true, "truncated: 10 bytes cannot hold a gzip stream")]
    public void A_damaged_image_file_is_refused_naming_it(string kind, bool gzip, string message)
    {
        var bytes = kind switch
        {
            "truncated" => Idx(0x803, [3, 2, 5], 29),
            "header cut" => Idx(0x803, [3, 2, 5])[..10],
            "wrong magic" => Idx(0x801, [3, 2, 5]),
            "zero size" => Idx(0x803, [3, 0, 5]),
            "trailing" => Idx(0x803, [3, 2, 5], 31),
            "bad gzip" or "gzip trailer cut" or "gzip end cut" or "gzip stub" => Idx(0x803, [3, 2, 5]),
            _ => throw new ArgumentException(kind),
        };
        if (gzip)
            bytes = kind switch
            {
                "bad gzip" => [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF],
                // GZipStream itself accepts these: all the data decodes, only the CRC/size trailer is gone.
                "gzip trailer cut" => Gzip(bytes)[..^4],
                "gzip end cut" => Gzip(bytes)[..^8],
                "gzip stub" => Gzip(bytes)[..10],
                _ => Gzip(bytes),
            };
        var path = Write(TestFiles.TempFolder(), "images" + (gzip ? ".gz" : ""), bytes);
        var e = Assert.Throws<CliException>(() => IdxReader.ReadImages(path));
        Assert.Equal(ExitCodes.BadInput, e.ExitCode);
        Assert.StartsWith($"{path}: ", e.Message);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Label_and_image_counts_must_agree()
    {
        var dir = TestFiles.TempFolder();
        Write(dir, "train-images-idx3-ubyte", Idx(0x803, [3, 2, 2]));
        var labels = Write(dir, "train-labels-idx1-ubyte", Idx(0x801, [2]));
        Write(dir, "t10k-images-idx3-ubyte", Idx(0x803, [1, 2, 2]));
        Write(dir, "t10k-labels-idx1-ubyte", Idx(0x801, [1]));
        var e = Assert.Throws<CliException>(() => IdxReader.ReadDirectory(dir));
        Assert.Equal($"{labels}: 2 labels, but {Path.Combine(dir, "train-images-idx3-ubyte")} has 3 images", e.Message);

        Write(dir, "train-labels-idx1-ubyte", Idx(0x801, [3]));
        Write(dir, "t10k-images-idx3-ubyte", Idx(0x803, [1, 4, 1]));
        Assert.Contains("images are 4×1, the training images", Assert.Throws<CliException>(() => IdxReader.ReadDirectory(dir)).Message);
        Assert.Contains("not an IDX label file", Assert.Throws<CliException>(() => IdxReader.ReadLabels(Path.Combine(dir, "t10k-images-idx3-ubyte"))).Message);
    }

    [Fact]
    public void A_missing_folder_or_file_names_the_debian_package()
    {
        var dir = TestFiles.TempFolder();
        var absent = Path.Combine(dir, "nowhere");
        Assert.Contains("dataset-fashion-mnist", Assert.Throws<CliException>(() => IdxReader.ReadDirectory(absent)).Message);
        Write(dir, "train-images-idx3-ubyte", Idx(0x803, [1, 1, 1]));
        var e = Assert.Throws<CliException>(() => IdxReader.ReadDirectory(dir));
        Assert.Contains("train-labels-idx1-ubyte: no such file (nor train-labels-idx1-ubyte.gz)", e.Message);
        Assert.Contains("dataset-fashion-mnist", e.Message);
        Assert.Contains("dataset-fashion-mnist", Assert.Throws<CliException>(() => IdxReader.ReadLabels(absent)).Message);
    }
}
