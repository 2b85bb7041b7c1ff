
namespace Pure.Shell.Training;

/// <summary>The loop's result: the parameters and layers' state to keep (the best ones when early stopping restored them) and how it ended.</summary>
public sealed record LoopOutcome(Params Parameters, LayerState State, int LastEpoch, int? BestEpoch, bool StoppedEarly, EpochReport Last);
