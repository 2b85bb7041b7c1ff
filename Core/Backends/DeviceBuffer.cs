namespace Pure.Core.Backends;

/// <summary>Memory owned by a backend (host array or device buffer). Layers never look inside.</summary>
public abstract class DeviceBuffer<T> : IDisposable
{
    /// <summary>Records the buffer's length in elements; the backend allocates the memory itself.</summary>
    protected DeviceBuffer(int length) => Length = length;

    /// <summary>The number of elements the buffer holds.</summary>
    public int Length { get; }

    /// <summary>The whole buffer as a view.</summary>
    public View<T> All => new(this, 0, Length);

    /// <summary>Releases the buffer; one holding memory outside the managed heap overrides this to free it, then calls the base.</summary>
    public virtual void Dispose() => GC.SuppressFinalize(this);
}

/// <summary>A contiguous window [Offset, Offset+Length) of a backend buffer.</summary>
public readonly record struct View<T>(DeviceBuffer<T> Buffer, int Offset, int Length)
{
    /// <summary>Whether the view has no elements (a default view, or a zero-length slice).</summary>
    public bool IsEmpty => Length == 0;

    /// <summary>The sub-window [start, start + length) of this view.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The window does not lie inside this view.</exception>
    public View<T> Slice(int start, int length)
    {
        if ((uint)start > (uint)Length || (uint)length > (uint)(Length - start))
            throw new ArgumentOutOfRangeException(nameof(start), $"slice [{start}, {start + length}) of a view of {Length}");
        return new View<T>(Buffer, Offset + start, length);
    }

    /// <summary>The sub-window from <paramref name="start"/> to the end of this view.</summary>
    public View<T> Slice(int start) => Slice(start, Length - start);
}
