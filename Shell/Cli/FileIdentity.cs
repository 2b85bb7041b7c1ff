using System.Runtime.InteropServices;

namespace Pure.Shell.Cli;

/// <summary>
/// What a path really names, read from the file system (stat and realpath): two spellings of one file, a
/// symbolic or hard link to it, and whether an existing path is a regular file at all. Linux x64 and arm64
/// (the stat layouts read here); elsewhere, resolved paths only.
/// </summary>
public static partial class FileIdentity
{
    /// <summary>The kind of thing a path names.</summary>
    public enum Kind
    {
        Missing,
        RegularFile,
        Directory,
        Other,
    }

    [LibraryImport("libc", EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static unsafe partial int Stat(string path, byte* buffer);

    [LibraryImport("libc", EntryPoint = "realpath", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint RealPath(string path, nint resolved);

    [LibraryImport("libc", EntryPoint = "free")]
    private static partial void Free(nint pointer);

    /// <summary>Where st_mode sits in struct stat (x86_64 and the generic layout of arm64 differ), or null where unknown.</summary>
    static readonly int? ModeOffset = OperatingSystem.IsLinux()
        ? RuntimeInformation.ProcessArchitecture switch { Architecture.X64 => 24, Architecture.Arm64 => 16, _ => null }
        : null;

    const uint TypeMask = 0xF000, RegularType = 0x8000, DirectoryType = 0x4000;

    /// <summary>(device, inode, mode) of what <paramref name="path"/> names, following links; null when it does not exist.</summary>
    static unsafe (ulong Device, ulong Inode, uint Mode)? Status(string path)
    {
        if (ModeOffset is not { } offset) return null;
        var buffer = stackalloc byte[256];
        if (Stat(path, buffer) != 0) return null;
        return (*(ulong*)buffer, *(ulong*)(buffer + 8), *(uint*)(buffer + offset));
    }

    /// <summary>What the path names, links followed.</summary>
    public static Kind Of(string path)
    {
        if (Status(path) is { } s)
            return (s.Mode & TypeMask) switch { RegularType => Kind.RegularFile, DirectoryType => Kind.Directory, _ => Kind.Other };
        return File.Exists(path) ? Kind.RegularFile : Directory.Exists(path) ? Kind.Directory : Kind.Missing;
    }

    /// <summary>The absolute path with every symbolic link resolved; for a path that does not exist yet, its folder's.</summary>
    public static string Resolved(string path)
    {
        var full = Path.GetFullPath(path);
        if (Real(full) is { } real) return real;
        var folder = Path.GetDirectoryName(full);
        return folder is not null && Real(folder) is { } realFolder ? Path.Combine(realFolder, Path.GetFileName(full)) : full;
    }

    /// <summary>Whether the two paths name one file: the same resolved path, or (both existing) the same device and inode.</summary>
    public static bool Same(string a, string b)
    {
        if (Resolved(a) == Resolved(b)) return true;
        return Status(a) is { } x && Status(b) is { } y && x.Device == y.Device && x.Inode == y.Inode;
    }

    static string? Real(string path)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return File.Exists(path) || Directory.Exists(path) ? path : null;
        var pointer = RealPath(path, 0);
        if (pointer == 0) return null;
        try
        {
            return Marshal.PtrToStringUTF8(pointer);
        }
        finally
        {
            Free(pointer);
        }
    }
}
