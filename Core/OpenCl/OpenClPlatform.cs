using System.Security.Cryptography;
using System.Text;

namespace Pure.Core.Backends.OpenCl;

/// <summary>One OpenCL platform (an installed driver: PoCL, NVIDIA CUDA, …) and its devices, as the driver describes them.</summary>
public sealed record OpenClPlatform(int Index, string Name, string Vendor, string Version, IReadOnlyList<OpenClDevice> Devices);

/// <summary>
/// One device of a platform: <see cref="Id"/> is how the CLI names it (<c>opencl:P:D</c>), the rest is what
/// <c>pure devices</c> prints and what picks tile sizes.
/// </summary>
public sealed record OpenClDevice(int Platform, int Index, string Name, string Vendor, string Version, string Driver, string Type,
    int ComputeUnits, long GlobalMemory, long MaxWorkGroupSize)
{
    /// <summary>How the command line names the device: <c>opencl:P:D</c>.</summary>
    public string Id => $"opencl:{Platform}:{Index}";

    /// <summary>
    /// A cache key for a <paramref name="kind"/> of entry made on this device from <paramref name="made"/>: the
    /// device's name, version and driver version are in it, so a new driver or another device never reads it.
    /// </summary>
    public string CacheKey(string kind, string made) =>
        $"{kind}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{Name}\n{Vendor}\n{Version}\n{Driver}\n{made}")))[..32]}";
}
