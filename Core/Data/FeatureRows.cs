using Pure.Core.Tensors;

namespace Pure.Core.Data;

/// <summary>
/// Rows of features that are written on demand, a block at a time, into a destination the caller gives
/// (<see cref="Write"/>(first, destination) fills destination.Length / <see cref="Width"/> rows from row
/// <c>first</c>). An upload streams them through a small staging block, so rows that are selected or
/// transformed on the way (a split, standardised) never exist as a whole second copy on the host.
/// </summary>
public sealed class FeatureRows
{
    /// <summary>Writes destination.Length / width rows, starting at row <paramref name="firstRow"/>, into <paramref name="destination"/>.</summary>
    public delegate void Writer(int firstRow, Span<float> destination);

    readonly Writer write;

    /// <summary>A source of <paramref name="rows"/> rows of <paramref name="width"/> features each, produced by <paramref name="write"/>.</summary>
    public FeatureRows(int rows, int width, Writer write)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        ArgumentNullException.ThrowIfNull(write);
        Rows = rows;
        Width = width;
        this.write = write;
    }

    /// <summary>The number of rows.</summary>
    public int Rows { get; }
    /// <summary>The number of features per row.</summary>
    public int Width { get; }

    /// <summary>Rows <paramref name="firstRow"/> … of the source into <paramref name="destination"/>, a whole number of rows.</summary>
    public void Write(int firstRow, Span<float> destination)
    {
        if (Width == 0 ? destination.Length != 0 : destination.Length % Width != 0 || firstRow < 0 || firstRow + destination.Length / Width > Rows)
            throw new ArgumentOutOfRangeException(nameof(destination), $"{destination.Length} values from row {firstRow} are not whole rows of {Rows}×{Width}");
        write(firstRow, destination);
    }

    /// <summary>A matrix's own rows.</summary>
    public static FeatureRows Of(Matrix m) =>
        new(m.Rows, m.Cols, (first, destination) => m.Span.Slice(first * m.Cols, destination.Length).CopyTo(destination));
}
