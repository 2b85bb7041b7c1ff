using LanguageExt;
using Pure.Core.Backends;
using Pure.Core.Tensors;
using Pure.Core.Training;

namespace Pure.Core.Diagnostics;

/// <summary>A model's prediction over a regular 2-D grid (row r at y = yMin + r·Δy, column c at x = xMin + c·Δx).</summary>
public sealed record DecisionGrid(double XMin, double XMax, double YMin, double YMax, int Resolution, Matrix Values)
{
    /// <summary>
    /// Evaluates <paramref name="model"/> at resolution × resolution points; <paramref name="transform"/> maps
    /// the plotted coordinates to the model's inputs (e.g. a standardiser). Values are the probability of class
    /// 1 (one output) or of the largest class.
    /// </summary>
    public static Fin<DecisionGrid> Of(Model model, double xMin, double xMax, double yMin, double yMax, int resolution,
        IBackend<float> backend, Func<Matrix, Matrix>? transform = null)
    {
        if (resolution is < 2 or > 4096) return LanguageExt.Common.Error.New($"grid resolution must be in [2, 4096], got {resolution}");
        if (!(xMax > xMin) || !(yMax > yMin)) return LanguageExt.Common.Error.New("the grid's extent is empty");
        var points = Matrix.Create(resolution * resolution, 2, (xMin, xMax, yMin, yMax, resolution), static (dst, s) =>
        {
            var (x0, x1, y0, y1, n) = s;
            for (var r = 0; r < n; r++)
                for (var c = 0; c < n; c++)
                {
                    dst[2 * (r * n + c)] = (float)(x0 + (x1 - x0) * c / (n - 1));
                    dst[2 * (r * n + c) + 1] = (float)(y0 + (y1 - y0) * r / (n - 1));
                }
        });
        return model.Predict(transform is null ? points : transform(points), backend).Map(p =>
            new DecisionGrid(xMin, xMax, yMin, yMax, resolution, Matrix.Create(resolution, resolution, p, static (dst, m) =>
            {
                for (var i = 0; i < dst.Length; i++)
                {
                    var row = m.Row(i);
                    if (row.Length == 1) dst[i] = row[0];
                    else
                    {
                        var best = 0f;
                        foreach (var v in row) best = Math.Max(best, v);
                        dst[i] = best;
                    }
                }
            })));
    }
}
