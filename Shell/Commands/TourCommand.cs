using System.CommandLine;
using System.Diagnostics;
using Pure.Shell.Cli;
using Pure.Shell.Tour;
using Spectre.Console;

namespace Pure.Shell.Commands;

/// <summary><c>pure tour [TOPIC] [--out DIR]</c>: each fundamental idea run, measured and drawn.</summary>
public static class TourCommand
{
    public static Command Create(IBackend<float> backend)
    {
        var topic = new Argument<string?>("topic") { Description = "one topic (default: all): " + string.Join(", ", Topics.All.Select(t => t.Name)), Arity = ArgumentArity.ZeroOrOne };
        var output = new Option<string>("--out") { Description = "folder for the pictures", DefaultValueFactory = _ => Path.Combine("out", "tour") };
        var data = new Option<string>("--data") { Description = "folder with digits.csv", DefaultValueFactory = _ => "data" };
        var command = new Command("tour", "A guided tour of the fundamentals, from the neuron to backprop, with measured numbers and pictures") { topic, output, data };
        command.SetAction(r => Run(r.GetValue(topic), r.GetValue(output)!, r.GetValue(data)!, backend, r.InvocationConfiguration.Output));
        return command;
    }

    public static int Run(string? name, string outputFolder, string dataFolder, IBackend<float> backend, TextWriter writer)
    {
        var selected = name is null ? Topics.All : Topics.All.Where(t => t.Name == name).ToArray();
        if (selected.Count == 0) throw new CliException($"tour: unknown topic '{name}' (one of {string.Join(", ", Topics.All.Select(t => t.Name))})");
        if (selected.Any(t => t is FeaturesTopic) && !File.Exists(Path.Combine(dataFolder, "digits.csv")))
            throw new CliException($"tour: the features topic needs digits.csv in the --data folder ({Path.GetFullPath(dataFolder)}); run from the repository root or pass --data");
        OutputFolder.Create("--out", outputFolder);
        var context = new TourContext(backend, Rng.FromSeed(2024), outputFolder, dataFolder);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
        console.Profile.Width = Math.Max(console.Profile.Width, 130); // the widest table (dying-relu) needs ~125 columns
        var total = Stopwatch.StartNew();
        foreach (var t in selected)
        {
            var clock = Stopwatch.StartNew();
            var report = t.Run(context);
            console.Write(new Rule($"[bold]{Markup.Escape(report.Name)}[/] — {Markup.Escape(report.Title)}").LeftJustified());
            foreach (var table in report.Tables)
            {
                console.MarkupLine($"[bold]{Markup.Escape(table.Title)}[/]");
                var grid = new Table { Border = TableBorder.Rounded };
                foreach (var h in table.Headers) grid.AddColumn(Markup.Escape(h));
                foreach (var row in table.Rows) grid.AddRow(row.Select(Markup.Escape).ToArray());
                console.Write(grid);
            }
            foreach (var note in report.Notes) console.MarkupLine($"[grey]{Markup.Escape(note)}[/]");
            foreach (var picture in report.Pictures) console.MarkupLine($"picture: {Markup.Escape(picture)}");
            console.MarkupLine($"[grey]({clock.Elapsed.TotalSeconds:F1} s)[/]");
            console.WriteLine();
        }
        console.MarkupLine($"tour: {selected.Count} topic(s) in {total.Elapsed.TotalSeconds:F1} s; pictures in {Markup.Escape(outputFolder)}");
        return ExitCodes.Ok;
    }
}
