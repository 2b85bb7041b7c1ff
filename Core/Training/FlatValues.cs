namespace Pure.Core.Training;

/// <summary>
/// An immutable flat vector of floats, read by span: what <see cref="Params"/> and <see cref="LayerState"/>
/// share (each adds its own layout). Every "change" makes a new value.
/// </summary>
public abstract class FlatValues
{
    readonly float[] values;

    private protected FlatValues(float[] values) => this.values = values;

    public ReadOnlySpan<float> Values => values;
    public int Length => values.Length;

    private protected ReadOnlySpan<float> Window(int offset, int length) => values.AsSpan(offset, length);

    public float[] ToArray() => (float[])values.Clone();
}
