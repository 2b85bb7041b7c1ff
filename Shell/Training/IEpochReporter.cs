namespace Pure.Shell.Training;

/// <summary>Where per-epoch progress goes: a progress bar, plain lines, or nowhere.</summary>
public interface IEpochReporter : IDisposable
{
    void Report(EpochReport report, int totalEpochs);
    void Message(string line);
}
