namespace Pure.Shell.Plots;

/// <summary>
/// A classifier's P(class 1) sampled on a regular grid over [XMin, XMax] × [YMin, YMax], endpoints included:
/// <c>Probability[row, col]</c> is the value at y = YMin + row·(YMax − YMin)/(rows − 1) (row 0 at the
/// bottom) and x = XMin + col·(XMax − XMin)/(cols − 1). Values lie in [0, 1].
/// </summary>
public sealed record Grid(double XMin, double XMax, double YMin, double YMax, double[,] Probability)
{
    /// <summary>The core's decision grid (row r at y = YMin + r·Δy) as a plot grid.</summary>
    public static Grid Of(Pure.Core.Diagnostics.DecisionGrid g)
    {
        var p = new double[g.Resolution, g.Resolution];
        for (var r = 0; r < g.Resolution; r++)
            for (var c = 0; c < g.Resolution; c++)
                p[r, c] = g.Values[r, c];
        return new Grid(g.XMin, g.XMax, g.YMin, g.YMax, p);
    }

    /// <summary>Samples <paramref name="probability"/> on a <paramref name="rows"/> × <paramref name="cols"/> grid.</summary>
    public static Grid Sample(double xMin, double xMax, double yMin, double yMax, int rows, int cols,
        Func<double, double, double> probability)
    {
        if (rows < 2 || cols < 2) throw new ArgumentOutOfRangeException(nameof(rows), "a grid needs at least 2 × 2 samples");
        var p = new double[rows, cols];
        for (var r = 0; r < rows; r++)
        for (var c = 0; c < cols; c++)
            p[r, c] = probability(xMin + c * (xMax - xMin) / (cols - 1), yMin + r * (yMax - yMin) / (rows - 1));
        return new Grid(xMin, xMax, yMin, yMax, p);
    }
}
