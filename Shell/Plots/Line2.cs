namespace Pure.Shell.Plots;

/// <summary>The line A·x + B·y + C = 0 (a perceptron's boundary, w₁x + w₂y + b = 0), named in the legend.</summary>
public sealed record Line2(double A, double B, double C, string Label)
{
    /// <summary>
    /// The segment of the line inside the rectangle, or null where the line misses it (or A = B = 0).
    /// Intersects the line with the four edges and keeps the two hits farthest apart.
    /// </summary>
    public ((double X, double Y) From, (double X, double Y) To)? Clip(double xMin, double xMax, double yMin, double yMax)
    {
        var hits = new List<(double X, double Y)>();
        const double slack = 1e-12;
        if (B != 0)
            foreach (var x in new[] { xMin, xMax })
            {
                var y = -(A * x + C) / B;
                if (y >= yMin - slack * Math.Abs(yMax - yMin) && y <= yMax + slack * Math.Abs(yMax - yMin)) hits.Add((x, y));
            }
        if (A != 0)
            foreach (var y in new[] { yMin, yMax })
            {
                var x = -(B * y + C) / A;
                if (x >= xMin - slack * Math.Abs(xMax - xMin) && x <= xMax + slack * Math.Abs(xMax - xMin)) hits.Add((x, y));
            }
        if (hits.Count < 2) return null;
        var best = (hits[0], hits[1]);
        var bestLength = -1.0;
        foreach (var p in hits)
        foreach (var q in hits)
        {
            var length = (p.X - q.X) * (p.X - q.X) + (p.Y - q.Y) * (p.Y - q.Y);
            if (length > bestLength) (best, bestLength) = ((p, q), length);
        }
        return bestLength > 0 ? best : null;
    }
}
