using System.CommandLine;
using Pure.Shell.Cli;
using Pure.Shell.Commands;

namespace Pure.Shell;

public static class Program
{
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Parses, runs, and maps a <see cref="CliException"/> to one line on stderr and its exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var verbose = new Option<bool>("--verbose") { Description = "show stack traces on errors", Recursive = true };
        var root = new RootCommand("pure — neural networks from the perceptron to backprop, in C#")
        {
            TrainCommand.Create(),
            GenerateCommand.Create(),
            EvalCommand.Create(),
            PredictCommand.Create(),
            PerceptronCommand.Create(),
            TourCommand.Create(),
        };
        root.Options.Add(verbose);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            stderr.WriteLine($"pure: {parsed.Errors[0].Message} (try 'pure --help')");
            return ExitCodes.BadInput;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (CliException e)
        {
            stderr.WriteLine($"pure: {e.Message}");
            if (parsed.GetValue(verbose)) stderr.WriteLine(e);
            return e.ExitCode;
        }
    }
}
