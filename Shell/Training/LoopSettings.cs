namespace Pure.Shell.Training;

/// <summary>How the epoch loop runs: length, the seed's keys, early stopping and checkpoint cadence (null: only on an interrupt). The batch is the compiled step's.</summary>
public sealed record LoopSettings(int Epochs, TrainingKeys Keys, int? Patience, int? CheckpointEvery);
