namespace Pure.Shell.Csv;

/// <summary>A CSV file read into numeric feature columns only (one row per example), with each row's line in the file.</summary>
public sealed record FeatureTable(string Path, IReadOnlyList<string> FeatureNames, Matrix Features, int[] Lines)
{
    public int Rows => Lines.Length;
    public int Width => FeatureNames.Count;
}
