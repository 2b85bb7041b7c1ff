using System.Globalization;
using System.Text;
using Pure.Shell.Cli;

namespace Pure.Shell.Training;

/// <summary>
/// The <c>--log FILE.csv</c> rows (epoch, loss, accuracy, val_loss, val_accuracy, seconds). The file is
/// rewritten atomically when the run ends, stops or checkpoints, so it is never half-written.
/// </summary>
public sealed class TrainingLog(string path)
{
    readonly List<EpochReport> rows = [];

    public IReadOnlyList<EpochReport> Rows => rows;

    public void Add(EpochReport report) => rows.Add(report);

    /// <summary>Keeps rows up to and including <paramref name="epoch"/> (a resumed run replays from there).</summary>
    public void Truncate(int epoch) => rows.RemoveAll(r => r.Epoch > epoch);

    public void Flush()
    {
        var text = new StringBuilder("epoch,loss,accuracy,val_loss,val_accuracy,seconds\n");
        foreach (var r in rows)
            text.Append(CultureInfo.InvariantCulture, $"{r.Epoch},{F(r.Loss)},{F(r.Accuracy)},{F(r.ValidationLoss)},{F(r.ValidationAccuracy)},{r.Seconds.ToString("F4", CultureInfo.InvariantCulture)}\n");
        AtomicFile.WriteAllText(path, text.ToString());
    }

    static string F(double? v) => v is { } x ? x.ToString("R", CultureInfo.InvariantCulture) : "";
}
