using System.Globalization;

namespace Pure.Shell.Cli;

/// <summary>
/// <c>--device cpu|opencl|opencl:P:D</c>, read before the backend is built, as <c>--threads</c> is: the CPU backend
/// (the default), or the OpenCL device D of platform P (<c>opencl</c> alone is 0:0; <c>pure devices</c> lists them).
/// </summary>
public sealed record DeviceChoice(bool OpenCl, int Platform, int Device)
{
    public const string Option = "--device";

    public const string Description = "cpu (the default), opencl (the first OpenCL device) or opencl:P:D (see pure devices)";

    public static DeviceChoice Cpu { get; } = new(false, 0, 0);

    /// <summary>The device the arguments name, the CPU when they name none, or a usage error.</summary>
    public static DeviceChoice From(IReadOnlyList<string> args)
    {
        var text = EarlyOption.Value(args, Option);
        if (text is null or "cpu") return Cpu;
        if (text == "opencl") return new(true, 0, 0);
        if (text.Split(':') is ["opencl", var p, var d] && Index(p) is { } platform && Index(d) is { } device) return new(true, platform, device);
        throw new CliException($"{Option}: '{text}' is not a device ({Description})");
    }

    static int? Index(string text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
