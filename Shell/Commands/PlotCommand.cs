using System.CommandLine;
using Pure.Shell.Cli;
using Pure.Shell.Plots;
using Pure.Shell.Training;

namespace Pure.Shell.Commands;

/// <summary><c>pure plot LOG.csv --out FILE.png</c>: the training curves of a <c>pure train --log</c> file (loss, and accuracy when logged, training and validation).</summary>
public static class PlotCommand
{
    public static Command Create()
    {
        var log = new Argument<string>("log") { Description = "a CSV log written by pure train --log" };
        var output = new Option<string>("--out") { Description = "the PNG file to write", Required = true };
        var command = new Command("plot", "Draw the training curves of a pure train --log file as a PNG") { log, output };
        command.SetAction(r =>
        {
            var (logPath, outPath) = (r.GetValue(log)!, r.GetValue(output)!);
            AtomicFile.CheckTarget("--out", outPath);
            DistinctFiles.Check([new("the log", logPath)], [new("--out", outPath)]);
            var rows = TrainingLogFile.Read(logPath);
            Charts.TrainingCurves(outPath, $"Training curves from {Path.GetFileName(logPath)}",
                rows.Select(e => (e.Epoch, e.Loss, e.Accuracy, e.ValidationLoss, e.ValidationAccuracy)).ToArray());
            r.InvocationConfiguration.Output.WriteLine($"plot: {outPath} ({rows.Count} epochs)");
            return ExitCodes.Ok;
        });
        return command;
    }
}
