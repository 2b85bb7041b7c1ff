using Pure.Shell.Plots;

namespace Pure.Shell.Tour;

public sealed partial class CureTopic
{
    static partial void Draw(TourContext context, TopicReport report, Dictionary<string, List<(string Label, double[] Norms)>> curves)
    {
        foreach (var (stack, activation, depth) in Stacks)
            TourPictures.Save(report, context, $"cure-{stack}.png", path => Charts.Lines(path,
                $"Gradient norm per layer at initialisation: {depth} × {activation}, width {Width}", "layer (1 = nearest the input)", "‖∂L/∂W‖ (log scale)",
                curves[stack].Select(c => new Series(c.Label, TourPictures.Range(1, depth), c.Norms.Select(v => Math.Max(v, 1e-30)).ToArray())).ToArray(), logY: true));
    }
}
