
namespace Pure.Shell.Training;

/// <summary>How the epoch loop runs: length, batch, seed keys, early stopping and checkpoint cadence (null: only on an interrupt).</summary>
public sealed record LoopSettings(int Epochs, int BatchSize, Rng Rng, int? Patience, int? CheckpointEvery);
