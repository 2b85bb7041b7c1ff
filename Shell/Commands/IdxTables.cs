using System.Globalization;
using Pure.Shell.Cli;
using Pure.Shell.Csv;
using Pure.Shell.Data;
using Pure.Shell.Models;

namespace Pure.Shell.Commands;

/// <summary>
/// An IDX folder's test split (t10k) as the tables <c>pure eval</c> and <c>pure predict</c> read from a CSV: one
/// image per row, its pixels the model's features and its label byte the class name ("0" … "9", as training
/// from the folder named them). A row's "line" is its image number, counting from 1.
/// </summary>
public static class IdxTables
{
    public static LabelledTable TestSplit(string folder, SavedModel model)
    {
        var (images, labels, path) = Read(folder, model);
        var names = new string[256];
        var text = Array.ConvertAll(labels, b => names[b] ??= b.ToString(CultureInfo.InvariantCulture));
        return new LabelledTable(path, model.FeatureNames, "label", images, text, Numbers(images.Rows));
    }

    public static FeatureTable TestFeatures(string folder, SavedModel model)
    {
        var (images, _, path) = Read(folder, model);
        return new FeatureTable(path, model.FeatureNames, images, Numbers(images.Rows));
    }

    static (Matrix Images, byte[] Labels, string Path) Read(string folder, SavedModel model)
    {
        var (images, labels, path) = IdxReader.ReadTestSplit(folder);
        if (images.Cols != model.Inputs)
            throw new CliException($"{path}: images of {images.Cols} pixels, but the model takes {model.Inputs} feature{(model.Inputs == 1 ? "" : "s")}", ExitCodes.BadInput);
        return (images, labels, path);
    }

    static int[] Numbers(int n) => Enumerable.Range(1, n).ToArray();
}
