namespace Pure.Shell.Training;

/// <summary>What one epoch measured: mean batch loss, training accuracy, validation loss/accuracy, wall time.</summary>
public sealed record EpochReport(int Epoch, double Loss, double? Accuracy, double? ValidationLoss, double? ValidationAccuracy, double Seconds);
