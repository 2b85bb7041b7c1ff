using Pure.Shell.Plots;

namespace Pure.Shell.Tour;

/// <summary>Conversions from the core's values to the plots' inputs, shared by the topics' pictures.</summary>
static class TourPictures
{
    public static IReadOnlyList<Point2> Points(Dataset data) =>
        Enumerable.Range(0, data.Rows).Select(r => new Point2(data.Features[r, 0], data.Features[r, 1], (int)data.Targets[r, 0])).ToArray();

    public static double[] Range(int from, int count) => Enumerable.Range(from, count).Select(i => (double)i).ToArray();

    /// <summary>Writes a picture and records it in the report.</summary>
    public static void Save(TopicReport report, TourContext context, string file, Action<string> draw)
    {
        var path = context.PicturePath(file);
        draw(path);
        report.Picture(path);
    }
}
