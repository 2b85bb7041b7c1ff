namespace Pure.Core.Optimisers;

/// <summary>An optimiser's state as a value: the steps taken and its slot vectors (velocity; m then v).</summary>
public sealed class OptimiserState
{
    readonly float[] slots;

    internal OptimiserState(int step, float[] slots)
    {
        Step = step;
        this.slots = slots;
    }

    /// <summary>How many steps have been taken.</summary>
    public int Step { get; }
    /// <summary>The slot vectors back to back (slots × parameters).</summary>
    public ReadOnlySpan<float> Slots => slots;

    /// <summary>A saved state (e.g. from a checkpoint): <paramref name="step"/> steps taken, the slot vectors back to back.</summary>
    public static OptimiserState Of(int step, ReadOnlySpan<float> slots) =>
        step >= 0 ? new(step, slots.ToArray()) : throw new ArgumentOutOfRangeException(nameof(step), "must be ≥ 0");

    /// <summary>The state before the first step.</summary>
    public static OptimiserState Initial(Optimiser optimiser, int parameters) => new(0, new float[optimiser.StateSlots * parameters]);
}
