namespace Pure.Shell.Csv;

/// <summary>A CSV file read into numeric feature columns only (row-major), with each row's line in the file.</summary>
public sealed record FeatureTable(string Path, IReadOnlyList<string> FeatureNames, float[] Features, int[] Lines)
{
    public int Rows => Lines.Length;
    public int Width => FeatureNames.Count;
}
