
namespace Pure.Shell.Training;

/// <summary>
/// Everything a run needs to continue exactly where it stopped: the epoch reached, parameters, optimiser
/// state (moments and step count), the layers' state (running statistics), the early-stopping bookkeeping, and
/// the log so far. The data order, dropout masks and split come from the seed, so the same command with
/// <c>--resume</c> replays nothing.
/// </summary>
public sealed record Checkpoint(int Epoch, Params Parameters, OptimiserState Optimiser, int BestEpoch, double BestLoss, Params? Best, IReadOnlyList<EpochReport> Log)
{
    /// <summary>The layers' state at <see cref="Epoch"/>; null for the network's initial state (a network that keeps none).</summary>
    public LayerState? State { get; init; }

    /// <summary>The layers' state that goes with <see cref="Best"/>.</summary>
    public LayerState? BestState { get; init; }
}
