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

    /// <summary>What the figures of <see cref="Line"/> are, as one line for before the first epoch: only the columns the run prints.</summary>
    public static string Legend(bool classification, bool validation, bool dropout)
    {
        var during = "loss is the mean training-mode batch loss during the epoch" + (dropout ? " (dropout on, before each update)" : " (before each update)");
        string[] after = [.. classification ? ["accuracy"] : Array.Empty<string>(), .. validation ? ["val_loss"] : Array.Empty<string>(),
            .. classification && validation ? ["val_accuracy"] : Array.Empty<string>()];
        if (after.Length == 0) return $"per epoch: {during}";
        var names = after.Length == 1 ? after[0] : $"{string.Join(", ", after[..^1])} and {after[^1]}";
        return $"per epoch: {during}; {names} {(after.Length == 1 ? "is an evaluation-mode pass" : "are evaluation-mode passes")} after it";
    }
}
