namespace Pure.Core.Backends;

/// <summary>Memory owned by a backend (host array or device buffer). Layers never look inside.</summary>
public abstract class DeviceBuffer<T> : IDisposable
{
    protected DeviceBuffer(int length) => Length = length;

    public int Length { get; }

    /// <summary>The whole buffer as a view.</summary>
    public View<T> All => new(this, 0, Length);

    public virtual void Dispose() => GC.SuppressFinalize(this);
}

/// <summary>A contiguous window [Offset, Offset+Length) of a backend buffer.</summary>
public readonly record struct View<T>(DeviceBuffer<T> Buffer, int Offset, int Length)
{
    public bool IsEmpty => Length == 0;

    public View<T> Slice(int start, int length)
    {
        if ((uint)start > (uint)Length || (uint)length > (uint)(Length - start))
            throw new ArgumentOutOfRangeException(nameof(start), $"slice [{start}, {start + length}) of a view of {Length}");
        return new View<T>(Buffer, Offset + start, length);
    }

    public View<T> Slice(int start) => Slice(start, Length - start);
}
