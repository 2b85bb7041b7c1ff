namespace Pure.Shell.Plots;

/// <summary>One named line: <paramref name="Y"/>[i] is plotted against <paramref name="X"/>[i].</summary>
public sealed record Series(string Label, double[] X, double[] Y);
