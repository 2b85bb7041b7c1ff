namespace Pure.Shell.Training;

/// <summary>What one epoch measured: mean batch loss, training accuracy, validation loss/accuracy, wall time.</summary>
public sealed record EpochReport(int Epoch, double Loss, double? Accuracy, double? ValidationLoss, double? ValidationAccuracy, double Seconds)
{
    /// <summary>The epoch as one line of text, the same for the plain output and the progress bar.</summary>
    public string Line(int totalEpochs)
    {
        var line = $"epoch {Epoch,5}/{totalEpochs}  loss {Loss:F6}";
        if (Accuracy is { } a) line += $"  accuracy {a * 100:F2}%";
        if (ValidationLoss is { } vl) line += $"  val_loss {vl:F6}";
        if (ValidationAccuracy is { } va) line += $"  val_accuracy {va * 100:F2}%";
        return line;
    }
}
