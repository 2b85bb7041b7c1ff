namespace Pure.Core.Backends.Cpu;

/// <summary>A backend buffer in host memory.</summary>
public sealed class CpuBuffer<T>(int length) : DeviceBuffer<T>(length)
{
    internal T[] Data { get; } = new T[length];
}
