using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using LanguageExt;
using LanguageExt.Common;
using Silk.NET.OpenCL;

namespace Pure.Core.Backends.OpenCl;

/// <summary>
/// One device's context and in-order command queue, and what is built on them: programs (compiled once per
/// context; a failed build is an error carrying the compiler's log) and buffers. Everything a backend needs
/// from OpenCL goes through here; it owns and releases the handles.
/// </summary>
public sealed unsafe class OpenClContext : IDisposable
{
    readonly CL cl;
    readonly nint context, queue;
    readonly List<OpenClProgram> programs = [];
    bool disposed;

    OpenClContext(CL cl, OpenClDevice device, nint deviceId, nint context, nint queue, IOpenClCache? cache)
    {
        this.cl = cl;
        Cache = cache;
        Device = device;
        DeviceId = deviceId;
        this.context = context;
        this.queue = queue;
    }

    /// <summary>The device this context runs on.</summary>
    public OpenClDevice Device { get; }

    /// <summary>Where built programs and tuned tiles are kept between processes; null keeps nothing.</summary>
    public IOpenClCache? Cache { get; }
    internal nint DeviceId { get; }
    internal CL Api => cl;
    internal nint Queue => queue;

    /// <summary>
    /// A context on device <paramref name="device"/> of platform <paramref name="platform"/>, keeping what it
    /// builds in <paramref name="cache"/> when one is given, or an error naming what is missing.
    /// </summary>
    public static Fin<OpenClContext> Create(int platform = 0, int device = 0, IOpenClCache? cache = null) =>
        OpenClDevices.List().Bind(platforms =>
            platform < 0 || platform >= platforms.Count
                ? Error.New($"no OpenCL platform {platform} (this machine has {platforms.Count}: see pure devices)")
                : device < 0 || device >= platforms[platform].Devices.Count
                    ? Error.New($"platform {platform} ({platforms[platform].Name}) has no device {device} ({platforms[platform].Devices.Count} there: see pure devices)")
                    : OpenClDevices.Load().Bind(cl => Open(cl, platforms[platform].Devices[device], cache)));

    static Fin<OpenClContext> Open(CL cl, OpenClDevice info, IOpenClCache? cache)
    {
        var id = OpenClDevices.DeviceIds(cl, OpenClDevices.PlatformIds(cl)[info.Platform])[info.Index];
        int status;
        var context = cl.CreateContext(null, 1, &id, null, null, &status);
        if (status != 0) return Error.New($"{info.Id} ({info.Name}): clCreateContext failed ({status})");
        var queue = cl.CreateCommandQueue(context, id, CommandQueueProperties.None, &status);
        if (status != 0)
        {
            cl.ReleaseContext(context);
            return Error.New($"{info.Id} ({info.Name}): clCreateCommandQueue failed ({status})");
        }
        return new OpenClContext(cl, info, id, context, queue, cache);
    }

    /// <summary>
    /// Compiles <paramref name="source"/> for this device, or returns the compiler's log as the error. With a
    /// cache, the device's binary of an earlier build of the same source and options is loaded instead, and a
    /// fresh build's binary is stored; a binary the driver rejects is built again from source.
    /// </summary>
    public Fin<OpenClProgram> Build(string name, string source, string options = "-cl-std=CL1.2")
    {
        var key = Device.CacheKey("program", $"{options}\n{source}");
        if (Cache?.Load(key) is { } binary && FromBinary(binary, options) is var cached and not 0) return Keep(name, cached, fromCache: true);
        var bytes = Encoding.UTF8.GetBytes(source);
        int status;
        nint program;
        fixed (byte* s = bytes)
        {
            var length = (nuint)bytes.Length;
            program = cl.CreateProgramWithSource(context, 1, &s, &length, &status);
        }
        if (status != 0) return Error.New($"{Device.Id}: program {name}: clCreateProgramWithSource failed ({status})");
        var id = DeviceId;
        status = cl.BuildProgram(program, 1, &id, options, null, null);
        if (status != 0)
        {
            var log = BuildLog(program);
            cl.ReleaseProgram(program);
            return Error.New($"{Device.Id} ({Device.Name}): program {name} does not build ({status}): {log}");
        }
        if (Cache is not null && Binary(program) is { } built) Cache.Store(key, built);
        return Keep(name, program, fromCache: false);
    }

    OpenClProgram Keep(string name, nint program, bool fromCache)
    {
        var built = new OpenClProgram(this, name, program, fromCache);
        programs.Add(built);
        return built;
    }

    /// <summary>The program made from a device binary, or 0 where the driver rejects it (another driver's, or damaged).</summary>
    nint FromBinary(byte[] binary, string options)
    {
        int status, binaryStatus;
        var id = DeviceId;
        var length = (nuint)binary.Length;
        nint program;
        fixed (byte* b = binary)
        {
            var pointer = b;
            program = cl.CreateProgramWithBinary(context, 1, &id, &length, &pointer, &binaryStatus, &status);
        }
        if (status != 0 || binaryStatus != 0) return 0;
        if (cl.BuildProgram(program, 1, &id, options, null, null) == 0) return program;
        cl.ReleaseProgram(program);
        return 0;
    }

    /// <summary>The device binary of a built program, or null where the driver gives none.</summary>
    byte[]? Binary(nint program)
    {
        nuint size = 0;
        if (cl.GetProgramInfo(program, ProgramInfo.BinarySizes, (nuint)sizeof(nuint), &size, null) != 0 || size == 0) return null;
        var binary = new byte[(int)size];
        fixed (byte* b = binary)
        {
            var pointer = b;
            return cl.GetProgramInfo(program, ProgramInfo.Binaries, (nuint)sizeof(nint), &pointer, null) == 0 ? binary : null;
        }
    }

    string BuildLog(nint program)
    {
        nuint size = 0;
        cl.GetProgramBuildInfo(program, DeviceId, ProgramBuildInfo.BuildLog, 0, null, &size);
        var log = new byte[(int)size];
        fixed (byte* p = log) cl.GetProgramBuildInfo(program, DeviceId, ProgramBuildInfo.BuildLog, size, p, null);
        return Encoding.UTF8.GetString(log).TrimEnd('\0').Trim();
    }

    /// <summary>A buffer of <paramref name="length"/> floats on the device (contents undefined until written).</summary>
    public OpenClBuffer Allocate(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        int status;
        var mem = cl.CreateBuffer(context, MemFlags.ReadWrite, (nuint)Math.Max(1, length) * sizeof(float), null, &status);
        if (status != 0) throw new OutOfMemoryException($"{Device.Id}: clCreateBuffer of {length} floats failed ({status})");
        return new OpenClBuffer(this, mem, length);
    }

    /// <summary>Copies <paramref name="source"/> into the buffer at element <paramref name="offset"/>, waiting until the device has it.</summary>
    public void Write(ReadOnlySpan<float> source, OpenClBuffer destination, int offset)
    {
        if (source.IsEmpty) return;
        fixed (float* s = source)
            Check(cl.EnqueueWriteBuffer(queue, destination.Mem, true, (nuint)offset * sizeof(float), (nuint)source.Length * sizeof(float), s, 0, null, null), "clEnqueueWriteBuffer");
    }

    /// <summary>
    /// Enqueues a write of <paramref name="count"/> ints from pinned host memory and returns at once, with the
    /// event that says when the device has read them: the memory must stay as it is until then.
    /// </summary>
    internal nint WriteWithoutWaiting(int[] pinned, int count, OpenClBuffer destination, int offset)
    {
        nint done;
        var source = Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(pinned));
        Check(cl.EnqueueWriteBuffer(queue, destination.Mem, false, (nuint)offset * sizeof(float), (nuint)count * sizeof(int), source, 0, null, &done), "clEnqueueWriteBuffer");
        return done;
    }

    /// <summary>Waits for <paramref name="done"/> and releases it.</summary>
    internal void Await(nint done)
    {
        Check(cl.WaitForEvents(1, &done), "clWaitForEvents");
        cl.ReleaseEvent(done);
    }

    /// <summary>Copies the buffer's elements from <paramref name="offset"/> into <paramref name="destination"/>, waiting for every command before it.</summary>
    public void Read(OpenClBuffer source, int offset, Span<float> destination)
    {
        if (destination.IsEmpty) return;
        fixed (float* d = destination)
            Check(cl.EnqueueReadBuffer(queue, source.Mem, true, (nuint)offset * sizeof(float), (nuint)destination.Length * sizeof(float), d, 0, null, null), "clEnqueueReadBuffer");
    }

    /// <summary>Enqueues a device-side copy of <paramref name="length"/> elements.</summary>
    public void Copy(OpenClBuffer source, int sourceOffset, OpenClBuffer destination, int destinationOffset, int length)
    {
        if (length == 0) return;
        Check(cl.EnqueueCopyBuffer(queue, source.Mem, destination.Mem, (nuint)sourceOffset * sizeof(float), (nuint)destinationOffset * sizeof(float),
            (nuint)length * sizeof(float), 0, null, null), "clEnqueueCopyBuffer");
    }

    /// <summary>Enqueues filling <paramref name="length"/> elements from <paramref name="offset"/> with <paramref name="value"/>.</summary>
    public void Fill(float value, OpenClBuffer destination, int offset, int length)
    {
        if (length == 0) return;
        Check(cl.EnqueueFillBuffer(queue, destination.Mem, &value, sizeof(float), (nuint)offset * sizeof(float), (nuint)length * sizeof(float), 0, null, null),
            "clEnqueueFillBuffer");
    }

    /// <summary>Waits until every command so far has run.</summary>
    public void Finish() => Check(cl.Finish(queue), "clFinish");

    internal void Release(nint mem)
    {
        if (!disposed) cl.ReleaseMemObject(mem);
    }

    /// <summary>An OpenCL call that fails after the context exists is a bug or a lost device, not bad input.</summary>
    internal void Check(int status, string call)
    {
        if (status != 0) throw new InvalidOperationException($"{Device.Id}: {call} failed ({status})");
    }

    /// <summary>Waits for the queue, then releases the programs, the queue and the context.</summary>
    public void Dispose()
    {
        if (disposed) return;
        cl.Finish(queue);
        foreach (var p in programs) p.Release();
        cl.ReleaseCommandQueue(queue);
        cl.ReleaseContext(context);
        disposed = true;
    }
}

/// <summary>Floats in a device buffer, owned by the context that made it.</summary>
public sealed class OpenClBuffer : DeviceBuffer<float>
{
    readonly OpenClContext owner;

    internal OpenClBuffer(OpenClContext owner, nint mem, int length) : base(length)
    {
        this.owner = owner;
        Mem = mem;
    }

    internal nint Mem { get; private set; }

    /// <summary>Releases the device memory (once).</summary>
    public override void Dispose()
    {
        if (Mem != 0) owner.Release(Mem);
        Mem = 0;
        base.Dispose();
    }
}
