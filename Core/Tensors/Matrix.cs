using System.Buffers;
using LanguageExt;
using LanguageExt.Common;

namespace Pure.Core.Tensors;

/// <summary>An immutable rows×cols matrix of float32, row-major. A batch is a matrix with one example per row.</summary>
public sealed class Matrix : IEquatable<Matrix>
{
    readonly float[] data;

    Matrix(int rows, int cols, float[] data)
    {
        Rows = rows;
        Cols = cols;
        this.data = data;
    }

    /// <summary>The number of rows (examples, in a batch).</summary>
    public int Rows { get; }
    /// <summary>The number of columns (features, in a batch).</summary>
    public int Cols { get; }
    /// <summary>The number of values, Rows × Cols.</summary>
    public int Length => data.Length;
    /// <summary>All values, row-major.</summary>
    public ReadOnlySpan<float> Span => data;
    /// <summary>Row <paramref name="r"/>'s values.</summary>
    public ReadOnlySpan<float> Row(int r) => data.AsSpan(r * Cols, Cols);
    /// <summary>The value at row <paramref name="r"/>, column <paramref name="c"/>.</summary>
    public float this[int r, int c] => data[r * Cols + c];

    /// <summary>Allocates, lets <paramref name="fill"/> write the values once, then freezes (the string.Create idiom).</summary>
    public static Matrix Create<TState>(int rows, int cols, TState state, SpanAction<float, TState> fill)
    {
        var values = Allocate(rows, cols);
        fill(values, state);
        return new Matrix(rows, cols, values);
    }

    /// <summary>A matrix of zeros.</summary>
    public static Matrix Zeros(int rows, int cols) => new(rows, cols, Allocate(rows, cols));

    /// <summary>A copy of <paramref name="values"/> (row-major), or an error if the length is not rows×cols.</summary>
    public static Fin<Matrix> From(int rows, int cols, ReadOnlySpan<float> values) =>
        rows < 0 || cols < 0 || (long)rows * cols != values.Length
            ? Error.New($"a {rows}×{cols} matrix needs {(long)rows * cols} values, got {values.Length}")
            : new Matrix(rows, cols, values.ToArray());

    /// <summary>A matrix from rows of equal length, or an error naming the first ragged row.</summary>
    public static Fin<Matrix> FromRows(IEnumerable<IEnumerable<float>> rows)
    {
        var list = rows.Select(r => r.ToArray()).ToArray();
        var cols = list.Length == 0 ? 0 : list[0].Length;
        for (var r = 0; r < list.Length; r++)
            if (list[r].Length != cols)
                return Error.New($"row {r} has {list[r].Length} values, row 0 has {cols}");
        var values = new float[list.Length * cols];
        for (var r = 0; r < list.Length; r++) list[r].CopyTo(values, r * cols);
        return new Matrix(list.Length, cols, values);
    }

    /// <summary>A column vector.</summary>
    public static Matrix Column(ReadOnlySpan<float> values) => new(values.Length, 1, values.ToArray());

    /// <summary>The rows named by <paramref name="indices"/>, in that order.</summary>
    public Matrix GatherRows(ReadOnlySpan<int> indices)
    {
        var values = Allocate(indices.Length, Cols);
        for (var i = 0; i < indices.Length; i++) Row(indices[i]).CopyTo(values.AsSpan(i * Cols, Cols));
        return new Matrix(indices.Length, Cols, values);
    }

    /// <summary>The columns named by <paramref name="columns"/>, in that order.</summary>
    public Matrix SelectColumns(ReadOnlySpan<int> columns)
    {
        var cols = columns.ToArray();
        return Create(Rows, cols.Length, (this, cols), static (dst, s) =>
        {
            for (var r = 0; r < s.Item1.Rows; r++)
                for (var c = 0; c < s.cols.Length; c++)
                    dst[r * s.cols.Length + c] = s.Item1[r, s.cols[c]];
        });
    }

    /// <summary>The rows [start, start+count).</summary>
    public Matrix Slice(int start, int count) => new(count, Cols, data.AsSpan(start * Cols, count * Cols).ToArray());

    /// <summary>The values as a new array (a copy: the matrix stays immutable).</summary>
    public float[] ToArray() => (float[])data.Clone();

    /// <summary>Value equality: the same shape and the same values, element by element.</summary>
    public bool Equals(Matrix? other) =>
        other is not null && Rows == other.Rows && Cols == other.Cols && data.AsSpan().SequenceEqual(other.data);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Matrix);
    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Rows, Cols, data.Length == 0 ? 0 : data[0]);
    /// <inheritdoc/>
    public override string ToString() => $"Matrix {Rows}×{Cols}";

    static float[] Allocate(int rows, int cols)
    {
        if (rows < 0 || cols < 0) throw new ArgumentOutOfRangeException(nameof(rows), "negative dimension");
        return new float[checked(rows * cols)];
    }
}
