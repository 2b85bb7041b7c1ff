namespace Pure.Shell.Csv;

/// <summary>
/// An append-only sequence in fixed blocks: growing it never copies what is there (a List doubles and copies,
/// so a load peaks at three times its data), and it is copied once, into the exact array, at the end.
/// </summary>
public sealed class Chunked<T>
{
    const int BlockLength = 1 << 16;
    readonly List<T[]> blocks = [];
    int used = BlockLength;

    public long Count { get; private set; }

    public void Add(T value)
    {
        if (used == BlockLength)
        {
            blocks.Add(new T[BlockLength]);
            used = 0;
        }
        blocks[^1][used++] = value;
        Count++;
    }

    /// <summary>Every value in order into <paramref name="destination"/> (at least <see cref="Count"/> long).</summary>
    public void CopyTo(Span<T> destination)
    {
        var offset = 0;
        for (var b = 0; b < blocks.Count; b++)
        {
            var length = b == blocks.Count - 1 ? used : BlockLength;
            blocks[b].AsSpan(0, length).CopyTo(destination[offset..]);
            offset += length;
        }
    }

    public T[] ToArray()
    {
        var array = new T[checked((int)Count)];
        CopyTo(array);
        return array;
    }
}
