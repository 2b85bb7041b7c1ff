namespace Pure.Shell.Plots;

/// <summary>A labelled 2-D sample drawn over a decision boundary; <paramref name="Label"/> is its class, 0, 1, ….</summary>
public sealed record Point2(double X, double Y, int Label);
