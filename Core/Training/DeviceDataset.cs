using LanguageExt;
using LanguageExt.Common;
using Pure.Core.Backends;
using Pure.Core.Data;
using Pure.Core.Tensors;

namespace Pure.Core.Training;

/// <summary>
/// A dataset uploaded once to a backend; training steps gather their batches from it by row index. Targets are
/// either dense rows (<see cref="TargetWidth"/> values each) or, for classes, one class index per row that
/// becomes a one-hot row only inside a batch: 44 000 rows of 10 000 classes then hold 44 000 numbers, not 440 million.
/// </summary>
public sealed class DeviceDataset : IDisposable
{
    DeviceDataset(DeviceBuffer<float> features, DeviceBuffer<float> targets, int rows, int inputWidth, int targetWidth, bool classIndexed)
    {
        Features = features;
        Targets = targets;
        Rows = rows;
        InputWidth = inputWidth;
        TargetWidth = targetWidth;
        ClassIndexed = classIndexed;
    }

    internal DeviceBuffer<float> Features { get; }
    internal DeviceBuffer<float> Targets { get; }
    /// <summary>The number of examples.</summary>
    public int Rows { get; }
    /// <summary>The number of features per example.</summary>
    public int InputWidth { get; }

    /// <summary>The width of one target row as the loss sees it (the number of classes when class-indexed).</summary>
    public int TargetWidth { get; }

    /// <summary>Whether <see cref="Targets"/> holds one class index per row rather than dense rows.</summary>
    public bool ClassIndexed { get; }

    /// <summary>The bytes an upload of <paramref name="rows"/> rows takes: the features, and the targets dense or one index per row.</summary>
    public static long BytesNeeded(int rows, int inputWidth, int targetValuesPerRow) => sizeof(float) * (long)rows * (inputWidth + targetValuesPerRow);

    /// <summary>Uploads a matrix's rows with dense target rows, or an error if the row counts differ.</summary>
    public static Fin<DeviceDataset> Upload(IBackend<float> backend, Matrix features, Matrix targets) => Upload(backend, FeatureRows.Of(features), targets);

    /// <summary>Uploads streamed feature rows with dense target rows, or an error if the row counts differ.</summary>
    public static Fin<DeviceDataset> Upload(IBackend<float> backend, FeatureRows features, Matrix targets)
    {
        if (features.Rows != targets.Rows)
            return Error.New($"features have {features.Rows} rows, targets {targets.Rows}");
        return Place(backend, features, targets.Span, targets.Cols, classIndexed: false);
    }

    /// <summary>Features with one class index in [0, <paramref name="classCount"/>) per row, the targets of softmax cross-entropy.</summary>
    public static Fin<DeviceDataset> UploadClasses(IBackend<float> backend, Matrix features, ReadOnlySpan<int> classes, int classCount) =>
        UploadClasses(backend, FeatureRows.Of(features), classes, classCount);

    /// <summary>Streamed features with one class index in [0, <paramref name="classCount"/>) per row, checked once here; an error names the first bad index.</summary>
    public static Fin<DeviceDataset> UploadClasses(IBackend<float> backend, FeatureRows features, ReadOnlySpan<int> classes, int classCount)
    {
        if (features.Rows != classes.Length)
            return Error.New($"features have {features.Rows} rows, class indices {classes.Length}");
        if (classCount < 2 || classCount > 1 << 24) // a float holds every integer up to 2²⁴ exactly
            return Error.New($"class-indexed targets need 2 to {1 << 24} classes, got {classCount}");
        var indices = new float[classes.Length];
        for (var i = 0; i < classes.Length; i++)
        {
            if ((uint)classes[i] >= (uint)classCount) return Error.New($"row {i}: class index {classes[i]} is outside 0…{classCount - 1}");
            indices[i] = classes[i];
        }
        return Place(backend, features, indices, classCount, classIndexed: true);
    }

    // the features go through a staging block of about 4 MB: the only host copy an upload makes
    const int StagingFloats = 1 << 20;

    static DeviceDataset Place(IBackend<float> backend, FeatureRows features, ReadOnlySpan<float> targets, int targetWidth, bool classIndexed)
    {
        var length = (long)features.Rows * features.Width;
        if (length > Array.MaxLength) throw new ArgumentOutOfRangeException(nameof(features), $"{features.Rows}×{features.Width} features are more than one buffer holds");
        var x = backend.Allocate(Math.Max(1, (int)length));
        var y = backend.Allocate(Math.Max(1, targets.Length));
        if (features.Width > 0)
        {
            var block = Math.Max(1, Math.Min(features.Rows, StagingFloats / features.Width));
            var staging = new float[block * features.Width];
            for (var first = 0; first < features.Rows; first += block)
            {
                var n = Math.Min(block, features.Rows - first) * features.Width;
                features.Write(first, staging.AsSpan(0, n));
                backend.Upload(staging.AsSpan(0, n), x.All.Slice(first * features.Width, n));
            }
        }
        backend.Upload(targets, y.All.Slice(0, targets.Length));
        return new DeviceDataset(x, y, features.Rows, features.Width, targetWidth, classIndexed);
    }

    /// <summary>Target rows <paramref name="rows"/> into <paramref name="destination"/> (rows × <see cref="TargetWidth"/>), one-hot when class-indexed.</summary>
    internal void GatherTargets(IBackend<float> backend, ReadOnlySpan<int> rows, View<float> destination)
    {
        if (ClassIndexed) backend.GatherOneHot(Targets.All, rows, TargetWidth, destination);
        else backend.GatherRows(Targets.All, TargetWidth, rows, destination);
    }

    /// <summary>Releases the features' and targets' backend buffers.</summary>
    public void Dispose()
    {
        Features.Dispose();
        Targets.Dispose();
    }
}
