using System.CommandLine;
using Pure.Shell.Cli;
using Pure.Shell.Devices;
using Pure.Core.Backends.Cpu;
using Pure.Core.Backends.OpenCl;
using Pure.Shell.Commands;

namespace Pure.Shell;

public static class Program
{
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>
    /// Runs on the backend <c>--device</c> names: the CPU's on <c>--threads</c> threads, or an OpenCL device's (its
    /// programs built before the command runs). The composition root's choice of backend.
    /// </summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        IBackend<float> backend;
        try
        {
            backend = Backend(args);
        }
        catch (CliException e)
        {
            stderr.WriteLine($"pure: {e.Message}");
            return e.ExitCode;
        }
        using (backend) return Run(args, stdout, stderr, backend);
    }

    static IBackend<float> Backend(string[] args)
    {
        var device = DeviceChoice.From(args);
        var threads = ThreadCount.From(args);
        if (!device.OpenCl) return new CpuBackend<float>(threads);
        if (EarlyOption.Value(args, ThreadCount.Option) is not null)
            throw new CliException($"{ThreadCount.Option} sets the CPU backend's threads; it does not apply to {DeviceChoice.Option} opencl");
        return OpenClBackend.Create(device.Platform, device.Device, DiskCache.FromEnvironment()).Match(b => b, e => throw new CliException($"{DeviceChoice.Option}: {e.Message}"));
    }

    /// <summary>
    /// Parses, runs, and maps failures to one line on stderr: a <see cref="CliException"/> with its exit code,
    /// a file-system error (a folder that is missing or not writable) as bad input (2), anything else — a bug —
    /// as exit code 1 with the stack trace behind --verbose.
    /// </summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, IBackend<float> backend)
    {
        var verbose = new Option<bool>("--verbose") { Description = "show stack traces on errors", Recursive = true };
        var root = new RootCommand("pure — neural networks from the perceptron to backprop, in C#")
        {
            TrainCommand.Create(backend),
            GenerateCommand.Create(),
            EvalCommand.Create(backend),
            PredictCommand.Create(backend),
            PerceptronCommand.Create(),
            TourCommand.Create(backend),
            BenchCommand.Create(backend),
            DevicesCommand.Create(),
            SummaryCommand.Create(),
            ExportCommand.Create(),
            PlotCommand.Create(),
            // a backend per playground run (one caller each): the CPU's, one thread, whatever --device says
            PlaygroundCommand.Create(() => new CpuBackend<float>(1)),
        };
        root.Options.Add(verbose);
        root.Options.Add(new Option<int?>(ThreadCount.Option) { Description = ThreadCount.Description, Recursive = true });
        root.Options.Add(new Option<string?>(DeviceChoice.Option) { Description = DeviceChoice.Description, Recursive = true });
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // an unrecognised word says more than the "required command" that System.CommandLine lists first
            var error = parsed.Errors.FirstOrDefault(e => e.Message.Contains("nrecognized", StringComparison.Ordinal)) ?? parsed.Errors[0];
            stderr.WriteLine($"pure: {Readable(error.Message)} (try 'pure --help')");
            return ExitCodes.BadInput;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (CliException e)
        {
            return Fail(e.Message, e, e.ExitCode);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(e.Message, e, ExitCodes.BadInput);
        }
        catch (Exception e)
        {
            return Fail($"internal error: {e.GetType().Name}: {e.Message} (please report it; --verbose shows where)", e, ExitCodes.Failed);
        }

        // System.CommandLine names .NET types ("System.Nullable`1[System.Double]"); say what the option takes
        static string Readable(string message) => System.Text.RegularExpressions.Regex.Replace(message, @"as expected type '([^']+)'", m =>
            m.Groups[1].Value.Contains("Double") || m.Groups[1].Value.Contains("Single") ? "as a number"
            : m.Groups[1].Value.Contains("Int") ? "as a whole number"
            : m.Groups[1].Value.Contains("Boolean") ? "as true or false"
            : "in the form it takes");

        int Fail(string message, Exception e, int code)
        {
            stderr.WriteLine($"pure: {message.ReplaceLineEndings(" ")}");
            if (parsed.GetValue(verbose)) stderr.WriteLine(e);
            return code;
        }
    }
}
