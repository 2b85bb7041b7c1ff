namespace Pure.Shell.Training;

/// <summary>One line every <c>interval</c> epochs (and the last): for logs, pipes and CI.</summary>
public sealed class LineReporter(TextWriter output, int interval) : IEpochReporter
{
    public void Report(EpochReport r, int totalEpochs)
    {
        if (r.Epoch % interval != 0 && r.Epoch != totalEpochs) return;
        var line = $"epoch {r.Epoch,5}/{totalEpochs}  loss {r.Loss:F6}";
        if (r.Accuracy is { } a) line += $"  accuracy {a * 100:F2}%";
        if (r.ValidationLoss is { } vl) line += $"  val_loss {vl:F6}";
        if (r.ValidationAccuracy is { } va) line += $"  val_accuracy {va * 100:F2}%";
        output.WriteLine(line);
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
