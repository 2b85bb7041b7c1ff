namespace Pure.Shell.Csv;

/// <summary>A CSV file read into numeric feature columns (one row per example) and one raw label column.</summary>
public sealed record LabelledTable(string Path, IReadOnlyList<string> FeatureNames, string LabelName, Matrix Features, string[] Labels, int[] LabelLines)
{
    public int Rows => Labels.Length;
    public int Width => FeatureNames.Count;
}
