namespace Pure.Core.Backends.OpenCl;

/// <summary>
/// Where a device's compiled programs and tuned GEMM tiles are kept between processes (the shell keeps them in
/// a folder on disk). An entry only saves time: a missing, unreadable or rejected one is rebuilt and stored
/// again, never an error. Keys come from <see cref="OpenClDevice.CacheKey"/>: the device, its driver, and
/// everything the entry was made from.
/// </summary>
public interface IOpenClCache
{
    /// <summary>The bytes stored under <paramref name="key"/>, or null.</summary>
    byte[]? Load(string key);

    /// <summary>Keeps <paramref name="value"/> under <paramref name="key"/>, replacing what was there; a failure to keep it is not reported.</summary>
    void Store(string key, byte[] value);
}
