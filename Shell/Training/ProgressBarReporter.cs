using Spectre.Console;

namespace Pure.Shell.Training;

/// <summary>
/// A Spectre.Console progress bar (epoch, loss, accuracy, ETA) for an interactive terminal, drawn on the writer
/// of that terminal. The bar runs on its own rendering task; the training loop only updates its description and value.
/// </summary>
public sealed class ProgressBarReporter : IEpochReporter
{
    readonly TaskCompletionSource done = new();
    readonly TaskCompletionSource<ProgressTask> started = new();
    readonly TextWriter output;
    readonly Task rendering;

    public ProgressBarReporter(TextWriter output, int totalEpochs)
    {
        this.output = output;
        rendering = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) }).Progress()
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
        output.WriteLine(line);
    }

    public void Dispose()
    {
        if (done.Task.IsCompleted) return;
        done.SetResult();
        rendering.Wait();
    }
}
