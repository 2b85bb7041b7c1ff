using System.Buffers.Binary;
using System.IO.Compression;
using Pure.Shell.Cli;

namespace Pure.Shell.Data;

/// <summary>
/// The bytes of one IDX file, plain or gzip, read with every shortfall reported as a truncated file. GZipStream
/// quietly accepts a gzip whose end (CRC and size trailer) was cut off, so the trailer's size field (the
/// uncompressed length mod 2³², RFC 1952) is checked against what was decompressed; this assumes one gzip
/// member, as the dataset files are.
/// </summary>
sealed class IdxSource : IDisposable
{
    readonly Stream stream;
    readonly uint? gzipSize;
    long consumed;

    IdxSource(string path, Stream stream, uint? gzipSize)
    {
        Path = path;
        this.stream = stream;
        this.gzipSize = gzipSize;
    }

    public string Path { get; }

    public static IdxSource Open(string path, string package, string directory)
    {
        if (Directory.Exists(path)) throw new CliException($"{path}: is a folder, not a file", ExitCodes.BadInput);
        if (!File.Exists(path))
            throw new CliException($"{path}: no such file (Fashion-MNIST comes with the Debian package {package}, in {directory})", ExitCodes.BadInput);
        FileStream file;
        try
        {
            file = File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{path}: cannot read ({e.Message.ReplaceLineEndings(" ")})", ExitCodes.BadInput);
        }
        Span<byte> head = stackalloc byte[2];
        if (file.Read(head) < 2 || head[0] != 0x1F || head[1] != 0x8B)
        {
            file.Position = 0;
            return new IdxSource(path, new BufferedStream(file, 1 << 16), null);
        }
        // The smallest gzip member is 18 bytes: a 10-byte header, an empty deflate block, an 8-byte trailer.
        if (file.Length is var length and < 18)
        {
            file.Dispose();
            throw new CliException($"{path}: truncated: {length} bytes cannot hold a gzip stream", ExitCodes.BadInput);
        }
        Span<byte> size = stackalloc byte[4];
        file.Position = file.Length - 4;
        file.ReadExactly(size);
        file.Position = 0;
        return new IdxSource(path, new BufferedStream(new GZipStream(file, CompressionMode.Decompress), 1 << 16), BinaryPrimitives.ReadUInt32LittleEndian(size));
    }

    public void ReadHeader(Span<byte> destination)
    {
        var got = Read(destination);
        if (got < destination.Length)
            throw Truncated($"the file ends inside the IDX header ({got} of {destination.Length} bytes)");
    }

    /// <summary>Fills <paramref name="destination"/>, data bytes <paramref name="before"/>… of the <paramref name="total"/> promised.</summary>
    public void ReadData(Span<byte> destination, long before, long total)
    {
        var got = Read(destination);
        if (got < destination.Length)
            throw Truncated($"the file ends after {before + got} of the {total} data bytes its IDX header promises");
    }

    /// <summary>After the last promised byte: nothing more may follow, and a gzip trailer must agree.</summary>
    public void EnsureEnd(long promised)
    {
        Span<byte> probe = stackalloc byte[1];
        if (Read(probe) > 0)
            throw new CliException($"{Path}: unexpected bytes after the {promised} data bytes the IDX header promises", ExitCodes.BadInput);
        if (gzipSize is { } size && size != (uint)consumed)
            throw Truncated($"the gzip trailer records {size} uncompressed bytes, but {consumed} were decoded (its end is cut off or damaged)");
    }

    int Read(Span<byte> destination)
    {
        var got = 0;
        try
        {
            while (got < destination.Length)
            {
                var n = stream.Read(destination[got..]);
                if (n == 0) break;
                got += n;
            }
        }
        catch (InvalidDataException e)
        {
            throw new CliException($"{Path}: damaged gzip data ({e.Message.ReplaceLineEndings(" ")})", ExitCodes.BadInput);
        }
        consumed += got;
        return got;
    }

    CliException Truncated(string what) => new($"{Path}: truncated: {what}", ExitCodes.BadInput);

    public void Dispose() => stream.Dispose();
}
