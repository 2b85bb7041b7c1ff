using Silk.NET.OpenCL;

namespace Pure.Core.Backends.OpenCl;

/// <summary>A built program; its kernels are created once, by name, and launched with arguments set in order.</summary>
public sealed unsafe class OpenClProgram
{
    readonly OpenClContext context;
    readonly nint program;
    readonly Dictionary<string, nint> kernels = [];

    internal OpenClProgram(OpenClContext context, string name, nint program, bool fromCache)
    {
        this.context = context;
        Name = name;
        this.program = program;
        FromCache = fromCache;
    }

    /// <summary>The name the program was built under (in errors and logs).</summary>
    public string Name { get; }

    /// <summary>Whether the program came from a device binary in the context's cache rather than from source.</summary>
    public bool FromCache { get; }

    /// <summary>Releases the kernels, then the program (the context does this when it is disposed).</summary>
    internal void Release()
    {
        foreach (var kernel in kernels.Values) context.Api.ReleaseKernel(kernel);
        kernels.Clear();
        context.Api.ReleaseProgram(program);
    }

    /// <summary>The kernel called <paramref name="name"/> (created on first use and kept).</summary>
    public OpenClKernel Kernel(string name)
    {
        if (!kernels.TryGetValue(name, out var kernel))
        {
            int status;
            kernel = context.Api.CreateKernel(program, name, &status);
            context.Check(status, $"clCreateKernel {name} in {Name}");
            kernels[name] = kernel;
        }
        return new OpenClKernel(context, kernel, name);
    }
}

/// <summary>One kernel launch being prepared: arguments in order, then <see cref="Run"/> over a 1-D or 2-D range.</summary>
public readonly unsafe ref struct OpenClKernel
{
    readonly OpenClContext context;
    readonly nint kernel;
    readonly string name;

    internal OpenClKernel(OpenClContext context, nint kernel, string name)
    {
        this.context = context;
        this.kernel = kernel;
        this.name = name;
    }

    /// <summary>Sets argument <paramref name="index"/> to a buffer.</summary>
    public OpenClKernel Set(uint index, OpenClBuffer buffer)
    {
        var mem = buffer.Mem;
        context.Check(context.Api.SetKernelArg(kernel, index, (nuint)sizeof(nint), &mem), $"clSetKernelArg {name} #{index}");
        return this;
    }

    /// <summary>Sets argument <paramref name="index"/> to a value (an int, a float, a key).</summary>
    public OpenClKernel Set<T>(uint index, T value) where T : unmanaged
    {
        context.Check(context.Api.SetKernelArg(kernel, index, (nuint)sizeof(T), &value), $"clSetKernelArg {name} #{index}");
        return this;
    }

    /// <summary>Local memory of <paramref name="bytes"/> for argument <paramref name="index"/>.</summary>
    public OpenClKernel Local(uint index, int bytes)
    {
        context.Check(context.Api.SetKernelArg(kernel, index, (nuint)bytes, null), $"clSetKernelArg {name} #{index}");
        return this;
    }

    /// <summary>Enqueues the kernel over <paramref name="global"/> work-items (each rounded up to the local size, when given).</summary>
    public void Run(ReadOnlySpan<nuint> global, ReadOnlySpan<nuint> local = default)
    {
        var dims = global.Length;
        Span<nuint> g = stackalloc nuint[dims];
        for (var i = 0; i < dims; i++) g[i] = local.IsEmpty ? global[i] : (global[i] + local[i] - 1) / local[i] * local[i];
        fixed (nuint* gp = g, lp = local)
            context.Check(context.Api.EnqueueNdrangeKernel(context.Queue, kernel, (uint)dims, null, gp, local.IsEmpty ? null : lp, 0, null, null), $"clEnqueueNDRangeKernel {name}");
    }
}
