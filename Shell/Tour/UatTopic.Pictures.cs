using Pure.Shell.Plots;

namespace Pure.Shell.Tour;

public sealed partial class UatTopic
{
    static partial void Draw(TourContext context, TopicReport report, Matrix grid, List<(int Width, double[] Y, double MaxError)> fits)
    {
        var x = Enumerable.Range(0, grid.Rows).Select(i => (double)grid[i, 0]).ToArray();
        var series = new List<Series> { new("sin x", x, x.Select(Math.Sin).ToArray()) };
        series.AddRange(fits.Where(f => f.Width is 1 or 2 or 4 or 64).Select(f => new Series($"{f.Width} hidden (max error {f.MaxError:G2})", x, f.Y)));
        TourPictures.Save(report, context, "uat-sine.png", path => Charts.Lines(path, "One hidden tanh layer fitting sin x", "x", "f(x)", series));
    }
}
