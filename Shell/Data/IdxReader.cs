using System.Buffers.Binary;
using Pure.Core.Tensors;
using Pure.Shell.Cli;

namespace Pure.Shell.Data;

/// <summary>
/// The IDX files of MNIST and Fashion-MNIST (LeCun's format): a big-endian magic 0x0000TTDD (TT the element
/// type, 0x08 = unsigned byte; DD the number of dimensions), DD big-endian u32 sizes, then the elements. Plain
/// or gzip (recognised by its 1F 8B header). The data must be exactly as long as the sizes promise: a truncated
/// file is an error, never a shorter dataset, and so is anything after the data.
/// </summary>
public static class IdxReader
{
    public const int ImagesMagic = 0x00000803;
    public const int LabelsMagic = 0x00000801;
    public const string DefaultDirectory = "/usr/share/datasets/fashion-mnist";
    const string Package = "dataset-fashion-mnist";

    /// <summary>Images as pixels scaled to [0, 1], image after image, each row-major rows×cols.</summary>
    public static (float[] Pixels, int Rows, int Cols, int Count) ReadImages(string path)
    {
        using var source = IdxSource.Open(path, Package, DefaultDirectory);
        var (count, rows, cols) = ImageHeader(source);
        var pixels = new float[count * rows * cols];
        FillPixels(source, pixels);
        return (pixels, rows, cols, count);
    }

    /// <summary>The labels, one byte each.</summary>
    public static byte[] ReadLabels(string path)
    {
        using var source = IdxSource.Open(path, Package, DefaultDirectory);
        var dims = Header(source, LabelsMagic, "label", 1);
        var labels = new byte[dims[0]];
        source.ReadData(labels, 0, labels.Length);
        source.EnsureEnd(labels.Length);
        return labels;
    }

    /// <summary>
    /// The four standard files of a folder (train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte,
    /// t10k-labels-idx1-ubyte, each plain or .gz) as one image per row: the training images, then the test images,
    /// decoded straight into one matrix (no copy of either part); image and label counts must agree.
    /// </summary>
    public static (Matrix Images, byte[] Labels, int TrainRows) ReadDirectory(string dir)
    {
        CheckFolder(dir);
        using var train = IdxSource.Open(Find(dir, "train-images-idx3-ubyte"), Package, DefaultDirectory);
        var trainShape = ImageHeader(train);
        var trainY = Labels(Find(dir, "train-labels-idx1-ubyte"), trainShape.Count, train.Path);
        using var test = IdxSource.Open(Find(dir, "t10k-images-idx3-ubyte"), Package, DefaultDirectory);
        var testShape = ImageHeader(test);
        var testY = Labels(Find(dir, "t10k-labels-idx1-ubyte"), testShape.Count, test.Path);
        if ((trainShape.Rows, trainShape.Cols) != (testShape.Rows, testShape.Cols))
            throw new CliException($"{test.Path}: images are {testShape.Rows}×{testShape.Cols}, the training images ({train.Path}) are {trainShape.Rows}×{trainShape.Cols}", ExitCodes.BadInput);
        var width = trainShape.Rows * trainShape.Cols;
        if ((long)(trainShape.Count + (long)testShape.Count) * width > Array.MaxLength)
            throw new CliException($"{dir}: {trainShape.Count} + {testShape.Count} images of {width} pixels are too many to load", ExitCodes.BadInput);
        var images = Matrix.Create(trainShape.Count + testShape.Count, width, (train, test, split: trainShape.Count * width), static (dst, s) =>
        {
            FillPixels(s.train, dst[..s.split]);
            FillPixels(s.test, dst[s.split..]);
        });
        return (images, [.. trainY, .. testY], trainShape.Count);
    }

    /// <summary>The folder's test split alone (t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte, plain or .gz), for eval and predict.</summary>
    public static (Matrix Images, byte[] Labels, string ImagesPath) ReadTestSplit(string dir)
    {
        CheckFolder(dir);
        using var test = IdxSource.Open(Find(dir, "t10k-images-idx3-ubyte"), Package, DefaultDirectory);
        var shape = ImageHeader(test);
        var labels = Labels(Find(dir, "t10k-labels-idx1-ubyte"), shape.Count, test.Path);
        return (Matrix.Create(shape.Count, shape.Rows * shape.Cols, test, static (dst, s) => FillPixels(s, dst)), labels, test.Path);
    }

    static void CheckFolder(string dir)
    {
        if (File.Exists(dir)) throw new CliException($"{dir}: is a file, not a folder (of IDX files)", ExitCodes.BadInput);
        if (!Directory.Exists(dir))
            throw new CliException($"{dir}: no such folder (Fashion-MNIST comes with the Debian package {Package}: apt-get install {Package}, then use {DefaultDirectory})", ExitCodes.BadInput);
    }

    static byte[] Labels(string path, int images, string imagesPath)
    {
        var labels = ReadLabels(path);
        if (labels.Length != images)
            throw new CliException($"{path}: {labels.Length} labels, but {imagesPath} has {images} images", ExitCodes.BadInput);
        return labels;
    }

    static string Find(string dir, string stem)
    {
        foreach (var name in new[] { stem, stem + ".gz" })
        {
            var path = Path.Combine(dir, name);
            if (File.Exists(path)) return path;
        }
        throw new CliException($"{Path.Combine(dir, stem)}: no such file (nor {stem}.gz); the Debian package {Package} installs all four files in {DefaultDirectory}", ExitCodes.BadInput);
    }

    static (int Count, int Rows, int Cols) ImageHeader(IdxSource source)
    {
        var dims = Header(source, ImagesMagic, "image", 3);
        return (dims[0], dims[1], dims[2]);
    }

    /// <summary>Checks the magic and reads the sizes; each must be at least 1 and their product must fit an array.</summary>
    static int[] Header(IdxSource source, int magic, string kind, int rank)
    {
        var head = new byte[4 + 4 * rank];
        source.ReadHeader(head);
        var found = BinaryPrimitives.ReadInt32BigEndian(head);
        if (found != magic)
            throw new CliException($"{source.Path}: not an IDX {kind} file (magic 0x{found:X8}, expected 0x{magic:X8})", ExitCodes.BadInput);
        var dims = new int[rank];
        long product = 1;
        for (var i = 0; i < rank; i++)
        {
            var d = BinaryPrimitives.ReadUInt32BigEndian(head.AsSpan(4 + 4 * i));
            if (d < 1 || d > int.MaxValue) throw new CliException($"{source.Path}: IDX size {i} is {d}, not a positive count", ExitCodes.BadInput);
            dims[i] = (int)d;
            product *= d;
            if (product > Array.MaxLength)
                throw new CliException($"{source.Path}: IDX sizes {string.Join("×", dims.Take(i + 1))} are too large to load", ExitCodes.BadInput);
        }
        return dims;
    }

    static void FillPixels(IdxSource source, Span<float> pixels)
    {
        var buffer = new byte[1 << 16];
        for (var start = 0; start < pixels.Length; start += buffer.Length)
        {
            var n = Math.Min(buffer.Length, pixels.Length - start);
            source.ReadData(buffer.AsSpan(0, n), start, pixels.Length);
            for (var i = 0; i < n; i++) pixels[start + i] = buffer[i] / 255f;
        }
        source.EnsureEnd(pixels.Length);
    }
}
