using Pure.Core.Activations;
using Pure.Core.Tensors;

namespace Pure.Core.Diagnostics;

/// <summary>Per-layer statistics over a batch: dead units, activation spread.</summary>
public static class UnitStatistics
{
    /// <summary>
    /// The share of units (columns) that are dead: f′(z) = 0 for every example, so the unit passes no gradient
    /// and can never recover. For ReLU that is z ≤ 0 everywhere (it outputs 0 for every input); Leaky ReLU,
    /// ELU and the smooth activations keep a slope, so their units cannot die this way.
    /// </summary>
    public static double DeadShare(Matrix preActivation, Activation f)
    {
        if (preActivation.Cols == 0) return 0;
        var dead = 0;
        for (var c = 0; c < preActivation.Cols; c++)
        {
            var alive = false;
            for (var r = 0; r < preActivation.Rows && !alive; r++) alive = f.Derivative(preActivation[r, c]) != 0;
            if (!alive) dead++;
        }
        return (double)dead / preActivation.Cols;
    }

    /// <summary>The population standard deviation of all entries.</summary>
    public static double StdDev(Matrix m)
    {
        if (m.Length == 0) return 0;
        double mean = 0;
        foreach (var v in m.Span) mean += v;
        mean /= m.Length;
        double sq = 0;
        foreach (var v in m.Span) sq += (v - mean) * (v - mean);
        return Math.Sqrt(sq / m.Length);
    }

    /// <summary>The largest absolute difference between any two columns (units): 0 when all units are identical.</summary>
    public static double MaxPairwiseUnitDifference(Matrix m)
    {
        double max = 0;
        for (var a = 0; a < m.Cols; a++)
            for (var b = a + 1; b < m.Cols; b++)
                for (var r = 0; r < m.Rows; r++)
                    max = Math.Max(max, Math.Abs(m[r, a] - m[r, b]));
        return max;
    }
}
