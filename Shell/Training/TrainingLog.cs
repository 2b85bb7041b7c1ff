using System.Globalization;
using System.Text;
using Pure.Shell.Cli;

namespace Pure.Shell.Training;

/// <summary>
/// The run's rows (epoch, loss, accuracy, val_loss, val_accuracy, seconds), kept for checkpoints and plots and,
/// with <c>--log FILE.csv</c>, rewritten atomically when the run ends, stops or checkpoints (never half-written).
/// </summary>
public sealed class TrainingLog(string? path)
{
    readonly List<EpochReport> rows = [];

    public IReadOnlyList<EpochReport> Rows => rows;

    public void Add(EpochReport report) => rows.Add(report);

    /// <summary>Keeps rows up to and including <paramref name="epoch"/> (a resumed run replays from there).</summary>
    public void Truncate(int epoch) => rows.RemoveAll(r => r.Epoch > epoch);

    public void Flush()
    {
        if (path is null) return;
        var text = new StringBuilder("epoch,loss,accuracy,val_loss,val_accuracy,seconds\n");
        foreach (var r in rows)
            text.Append(CultureInfo.InvariantCulture, $"{r.Epoch},{F(r.Loss)},{F(r.Accuracy)},{F(r.ValidationLoss)},{F(r.ValidationAccuracy)},{r.Seconds.ToString("F4", CultureInfo.InvariantCulture)}\n");
        AtomicFile.WriteAllText(path, text.ToString());
    }

    static string F(double? v) => v is { } x ? x.ToString("R", CultureInfo.InvariantCulture) : "";
}
