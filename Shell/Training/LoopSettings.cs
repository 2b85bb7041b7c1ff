
namespace Pure.Shell.Training;

/// <summary>How the epoch loop runs: length, batch, seed keys, early stopping and checkpoint cadence.</summary>
public sealed record LoopSettings(int Epochs, int BatchSize, Rng Rng, int? Patience, int CheckpointEvery);
