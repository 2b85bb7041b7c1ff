using LanguageExt;
using LanguageExt.Common;
using Pure.Core.Backends;
using Pure.Core.Tensors;

namespace Pure.Core.Training;

/// <summary>A dataset uploaded once to a backend; training steps gather their batches from it by row index.</summary>
public sealed class DeviceDataset : IDisposable
{
    DeviceDataset(DeviceBuffer<float> features, DeviceBuffer<float> targets, int rows, int inputWidth, int targetWidth)
    {
        Features = features;
        Targets = targets;
        Rows = rows;
        InputWidth = inputWidth;
        TargetWidth = targetWidth;
    }

    internal DeviceBuffer<float> Features { get; }
    internal DeviceBuffer<float> Targets { get; }
    public int Rows { get; }
    public int InputWidth { get; }
    public int TargetWidth { get; }

    public static Fin<DeviceDataset> Upload(IBackend<float> backend, Matrix features, Matrix targets)
    {
        if (features.Rows != targets.Rows)
            return Error.New($"features have {features.Rows} rows, targets {targets.Rows}");
        var x = backend.Allocate(Math.Max(1, features.Length));
        var y = backend.Allocate(Math.Max(1, targets.Length));
        backend.Upload(features.Span, x.All.Slice(0, features.Length));
        backend.Upload(targets.Span, y.All.Slice(0, targets.Length));
        return new DeviceDataset(x, y, features.Rows, features.Cols, targets.Cols);
    }

    public void Dispose()
    {
        Features.Dispose();
        Targets.Dispose();
    }
}
