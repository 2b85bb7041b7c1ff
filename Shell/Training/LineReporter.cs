namespace Pure.Shell.Training;

/// <summary>One line every <c>interval</c> epochs (and the last): for logs, pipes and CI.</summary>
public sealed class LineReporter(TextWriter output, int interval) : IEpochReporter
{
    public void Report(EpochReport r, int totalEpochs)
    {
        if (r.Epoch % interval != 0 && r.Epoch != totalEpochs) return;
        output.WriteLine(r.Line(totalEpochs));
    }

    public void Message(string line) => output.WriteLine(line);

    public void Dispose()
    {
    }
}

/// <summary>--quiet: messages only.</summary>
public sealed class QuietReporter(TextWriter output) : IEpochReporter
{
    public void Report(EpochReport report, int totalEpochs)
    {
    }

    public void Message(string line) => output.WriteLine(line);

    public void Dispose()
    {
    }
}
