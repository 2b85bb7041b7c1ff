using System.Reflection;

namespace Pure.Core.Backends.OpenCl;

/// <summary>The kernels' OpenCL C sources, embedded in this assembly (<c>Kernels/*.cl</c>).</summary>
static class KernelSource
{
    public static string Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Pure.OpenCl.{name}.cl")
            ?? throw new InvalidOperationException($"kernel source {name}.cl is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
