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
        task.Description = Markup.Escape(r.Line(totalEpochs).Trim());
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
