using System.Text;
using LanguageExt;
using LanguageExt.Common;
using Silk.NET.OpenCL;

namespace Pure.Core.Backends.OpenCl;

/// <summary>
/// The OpenCL platforms and devices of this machine, through the ICD loader (libOpenCL). No loader, no platform,
/// or a failing driver is an error value that says how to get one.
/// </summary>
public static unsafe class OpenClDevices
{
    /// <summary>What to install for OpenCL on the CPU, said wherever there is none.</summary>
    public const string Hint = "for the CPU: apt-get install pocl-opencl-icd";

    /// <summary>Every platform and its devices, or an error saying how to get one (no loader, no platform).</summary>
    public static Fin<IReadOnlyList<OpenClPlatform>> List() =>
        Load().Bind(cl =>
        {
            uint count = 0;
            var status = cl.GetPlatformIDs(0, null, &count);
            // the ICD loader answers "no platform" (-1001) when no driver is registered
            if (status == -1001 || count == 0) return Error.New($"no OpenCL platform is installed ({Hint})");
            if (status != 0) return Error.New($"OpenCL: clGetPlatformIDs failed ({status})");
            return Fin<IReadOnlyList<OpenClPlatform>>.Succ(PlatformIds(cl).Select((id, i) => Platform(cl, id, i)).ToArray());
        });

    internal static nint[] PlatformIds(CL cl)
    {
        uint count = 0;
        cl.GetPlatformIDs(0, null, &count);
        var ids = new nint[count];
        fixed (nint* p = ids) Check(cl.GetPlatformIDs(count, p, null), "clGetPlatformIDs");
        return ids;
    }

    /// <summary>A platform's devices; none where the driver reports none (or fails to).</summary>
    internal static nint[] DeviceIds(CL cl, nint platform)
    {
        uint count = 0;
        if (cl.GetDeviceIDs(platform, DeviceType.All, 0, null, &count) != 0) return [];
        var devices = new nint[count];
        fixed (nint* p = devices) Check(cl.GetDeviceIDs(platform, DeviceType.All, count, p, null), "clGetDeviceIDs");
        return devices;
    }

    /// <summary>The binding, or an error when no OpenCL library can be loaded.</summary>
    internal static Fin<CL> Load()
    {
        try
        {
            return CL.GetApi();
        }
        catch (Exception e) when (e is DllNotFoundException or FileNotFoundException or EntryPointNotFoundException or PlatformNotSupportedException)
        {
            return Error.New($"no OpenCL library (libOpenCL.so.1) could be loaded ({Hint}, which brings ocl-icd-libopencl1)");
        }
    }

    static OpenClPlatform Platform(CL cl, nint id, int index)
    {
        var devices = DeviceIds(cl, id);
        return new OpenClPlatform(index, PlatformText(cl, id, PlatformInfo.Name), PlatformText(cl, id, PlatformInfo.Vendor), PlatformText(cl, id, PlatformInfo.Version),
            devices.Select((d, i) => Device(cl, d, index, i)).ToArray());
    }

    static OpenClDevice Device(CL cl, nint id, int platform, int index) =>
        new(platform, index, DeviceText(cl, id, DeviceInfo.Name), DeviceText(cl, id, DeviceInfo.Vendor), DeviceText(cl, id, DeviceInfo.Version), DeviceText(cl, id, DeviceInfo.DriverVersion),
            TypeName(DeviceValue<ulong>(cl, id, DeviceInfo.Type)), (int)DeviceValue<uint>(cl, id, DeviceInfo.MaxComputeUnits),
            (long)DeviceValue<ulong>(cl, id, DeviceInfo.GlobalMemSize), (long)DeviceValue<nuint>(cl, id, DeviceInfo.MaxWorkGroupSize));

    static string TypeName(ulong type) =>
        (type & (ulong)DeviceType.Gpu) != 0 ? "GPU" : (type & (ulong)DeviceType.Cpu) != 0 ? "CPU" : (type & (ulong)DeviceType.Accelerator) != 0 ? "accelerator" : "other";

    internal static string DeviceText(CL cl, nint device, DeviceInfo what)
    {
        nuint size = 0;
        Check(cl.GetDeviceInfo(device, what, 0, null, &size), "clGetDeviceInfo");
        var bytes = new byte[(int)size];
        fixed (byte* p = bytes) Check(cl.GetDeviceInfo(device, what, size, p, null), "clGetDeviceInfo");
        return Text(bytes);
    }

    internal static T DeviceValue<T>(CL cl, nint device, DeviceInfo what) where T : unmanaged
    {
        T value = default;
        Check(cl.GetDeviceInfo(device, what, (nuint)sizeof(T), &value, null), "clGetDeviceInfo");
        return value;
    }

    static string PlatformText(CL cl, nint platform, PlatformInfo what)
    {
        nuint size = 0;
        Check(cl.GetPlatformInfo(platform, what, 0, null, &size), "clGetPlatformInfo");
        var bytes = new byte[(int)size];
        fixed (byte* p = bytes) Check(cl.GetPlatformInfo(platform, what, size, p, null), "clGetPlatformInfo");
        return Text(bytes);
    }

    // the driver's strings end with a NUL and sometimes with spaces
    static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes).TrimEnd('\0').Trim();

    /// <summary>A failed query after the platform list succeeded is a driver bug, not bad input.</summary>
    internal static void Check(int status, string call)
    {
        if (status != 0) throw new InvalidOperationException($"OpenCL: {call} failed ({status})");
    }
}
