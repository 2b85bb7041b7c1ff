using Spectre.Console;

namespace Pure.Shell.Training;

/// <summary>
/// A Spectre.Console progress bar (epoch, loss, accuracy, ETA) for an interactive terminal. The bar runs on
/// its own rendering task; the training loop only updates its description and value.
/// </summary>
public sealed class ProgressBarReporter : IEpochReporter
{
    readonly TaskCompletionSource done = new();
    readonly TaskCompletionSource<ProgressTask> started = new();
    readonly Task rendering;

    public ProgressBarReporter(int totalEpochs)
    {
        rendering = AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                started.SetResult(context.AddTask("training", maxValue: totalEpochs));
                await done.Task;
            });
    }

    public void Report(EpochReport r, int totalEpochs)
    {
        var task = started.Task.Result;
        var text = $"epoch {r.Epoch}/{totalEpochs} loss {r.Loss:F4}";
        if (r.Accuracy is { } a) text += $" acc {a * 100:F1}%";
        if (r.ValidationLoss is { } vl) text += $" val_loss {vl:F4}";
        if (r.ValidationAccuracy is { } va) text += $" val_acc {va * 100:F1}%";
        task.Description = Markup.Escape(text);
        task.Value = r.Epoch;
    }

    public void Message(string line)
    {
        Dispose();
        Console.WriteLine(line);
    }

    public void Dispose()
    {
        if (done.Task.IsCompleted) return;
        done.SetResult();
        rendering.Wait();
    }
}
