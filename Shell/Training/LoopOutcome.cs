
namespace Pure.Shell.Training;

/// <summary>The loop's result: the parameters to keep (the best ones when early stopping restored them) and how it ended.</summary>
public sealed record LoopOutcome(Params Parameters, int LastEpoch, int? BestEpoch, bool StoppedEarly, EpochReport Last);
