using System.CommandLine;
using Pure.Core.Backends.OpenCl;
using Pure.Shell.Cli;
using Pure.Shell.Devices;

namespace Pure.Shell.Commands;

/// <summary><c>pure devices</c>: the OpenCL platforms and devices this machine has, one line each, with the id that names a device.</summary>
public static class DevicesCommand
{
    public static Command Create()
    {
        var command = new Command("devices", "List the OpenCL platforms and devices (the ids name them, e.g. opencl:0:0)");
        command.SetAction(r => Run(r.InvocationConfiguration.Output));
        return command;
    }

    public static int Run(TextWriter output)
    {
        var platforms = OpenClDevices.List().Match(p => p, e => throw new CliException(e.Message));
        output.WriteLine("cpu          the CPU backend (always there)");
        foreach (var p in platforms)
        {
            output.WriteLine($"platform {p.Index}: {p.Name} ({p.Vendor}; {p.Version}), {p.Devices.Count} device{(p.Devices.Count == 1 ? "" : "s")}");
            foreach (var d in p.Devices)
                output.WriteLine($"  {d.Id,-12} {d.Name} — {d.Type}, {d.Vendor}; {d.Version}; {d.ComputeUnits} compute units, " +
                                 $"{ByteSize.Format(d.GlobalMemory)} memory, work-groups up to {d.MaxWorkGroupSize}");
        }
        output.WriteLine(DiskCache.FromEnvironment() is { } cache
            ? $"built kernels are kept in {cache.Folder} ({DiskCache.Variable}=off keeps none)"
            : "built kernels are not kept between runs");
        return ExitCodes.Ok;
    }
}
