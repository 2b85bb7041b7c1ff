namespace Pure.Core.Training;

/// <summary>
/// An immutable flat vector of floats, read by span: what <see cref="Params"/> and <see cref="LayerState"/>
/// share (each adds its own layout). Every "change" makes a new value.
/// </summary>
public abstract class FlatValues
{
    readonly float[] values;

    private protected FlatValues(float[] values) => this.values = values;

    /// <summary>The whole vector, read-only.</summary>
    public ReadOnlySpan<float> Values => values;
    /// <summary>The number of values.</summary>
    public int Length => values.Length;

    private protected ReadOnlySpan<float> Window(int offset, int length) => values.AsSpan(offset, length);

    /// <summary>The values as a new array (a copy: this value stays immutable).</summary>
    public float[] ToArray() => (float[])values.Clone();
}
