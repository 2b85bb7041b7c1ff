

namespace Pure.Shell.Tour;

/// <summary>What every topic gets: the backend, a fixed seed (the tour is reproducible) and the picture folder.</summary>
public sealed record TourContext(IBackend<float> Backend, Rng Rng, string OutputFolder, string DataFolder)
{
    public string PicturePath(string file) => Path.Combine(OutputFolder, file);
}
