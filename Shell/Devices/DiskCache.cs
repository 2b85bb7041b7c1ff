using System.Security.Cryptography;
using Pure.Core.Backends.OpenCl;

namespace Pure.Shell.Devices;

/// <summary>
/// The OpenCL backend's programs and tuned tiles, kept in a folder between runs: <c>$PURE_CACHE</c>, else
/// <c>$XDG_CACHE_HOME/pure/opencl</c>, else <c>~/.cache/pure/opencl</c> (<c>PURE_CACHE=off</c> keeps nothing).
/// An entry is the SHA-256 of its contents, then the contents, written to a temporary file and renamed into
/// place, so a damaged or half-written entry is never handed to a driver. A folder that cannot be read or
/// written costs the time the cache would have saved, and nothing else.
/// </summary>
public sealed class DiskCache(string folder) : IOpenClCache
{
    public const string Variable = "PURE_CACHE";

    // an entry larger than this is not one of ours (a program's binary is kilobytes to a few megabytes)
    const long Largest = 256L << 20;

    public string Folder => folder;

    /// <summary>The cache the environment names, or null when it is turned off or there is no home folder.</summary>
    public static DiskCache? FromEnvironment() =>
        From(Environment.GetEnvironmentVariable, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary>The cache that <paramref name="variable"/> (the environment) and <paramref name="home"/> name.</summary>
    public static DiskCache? From(Func<string, string?> variable, string? home)
    {
        var named = variable(Variable);
        if (named == "off") return null;
        if (!string.IsNullOrEmpty(named)) return new DiskCache(Path.GetFullPath(named));
        var xdg = variable("XDG_CACHE_HOME");
        var root = !string.IsNullOrEmpty(xdg) ? xdg : string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".cache");
        return root is null ? null : new DiskCache(Path.Combine(root, "pure", "opencl"));
    }

    public byte[]? Load(string key)
    {
        try
        {
            var path = Entry(key);
            if (!File.Exists(path) || new FileInfo(path).Length is < SHA256.HashSizeInBytes or > Largest) return null;
            var bytes = File.ReadAllBytes(path);
            var contents = bytes[SHA256.HashSizeInBytes..];
            return SHA256.HashData(contents).AsSpan().SequenceEqual(bytes.AsSpan(0, SHA256.HashSizeInBytes)) ? contents : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void Store(string key, byte[] value)
    {
        var path = Entry(key);
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(folder);
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                file.Write(SHA256.HashData(value));
                file.Write(value);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception again) when (again is IOException or UnauthorizedAccessException)
            {
                // the entry is lost either way; a stray temporary file is all that can remain
            }
        }
    }

    /// <summary>The file of an entry; keys are a kind and a hash (<see cref="OpenClDevice.CacheKey"/>), so any other character is a bug.</summary>
    string Entry(string key)
    {
        if (key.Length == 0 || !key.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            throw new ArgumentException($"not a cache key: '{key}'", nameof(key));
        return Path.Combine(folder, key);
    }
}
