using Pure.Shell.Recipes;
using System.Globalization;
using Pure.Core.Data;
using Pure.Core.Tensors;
using Pure.Properties.Support;

namespace Pure.Properties;

/// <summary>Three small models trained once for the eval/predict tests: two classes (moons), three named classes (blobs), regression (sine).</summary>
public sealed class SavedModelsFixture
{
    public SavedModelsFixture()
    {
        Folder = TestFiles.TempFolder();
        Moons = TrainedModels.Fit(TestFiles.Data("moons.csv"), Path.Combine(Folder, "moons.safetensors"), hidden: [8], epochs: 20);
        string[] colours = ["red", "green", "blue"];
        var blobsCsv = TrainedModels.WriteCsv(Path.Combine(Folder, "blobs.csv"), "x1,x2,colour",
            Generators.Blobs(150, 3, 1.5, Rng.FromSeed(5)), y => colours[(int)y]);
        Blobs = TrainedModels.Fit(blobsCsv, Path.Combine(Folder, "blobs.safetensors"), hidden: [6], activation: "tanh", epochs: 20);
        var sineCsv = TrainedModels.WriteCsv(Path.Combine(Folder, "sine.csv"), "x,y",
            Generators.Sine(100, Rng.FromSeed(6), 0.05), y => y.ToString("R", CultureInfo.InvariantCulture));
        Sine = TrainedModels.Fit(sineCsv, Path.Combine(Folder, "sine.safetensors"), task: LearningTask.Regression, hidden: [8, 8], activation: "tanh", epochs: 20);
    }

    public string Folder { get; }
    public TrainedModels.Trained Moons { get; }
    public TrainedModels.Trained Blobs { get; }
    public TrainedModels.Trained Sine { get; }
}
