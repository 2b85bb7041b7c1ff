using System.Text;

namespace Pure.Shell.Plots;

/// <summary>
/// A minimal animated GIF89a writer (CompuServe, "Graphics Interchange Format 89a", 1990): one global
/// colour table, the NETSCAPE2.0 application extension for looping, and per frame a graphic control
/// extension (the delay) and an LZW-compressed image of palette indices.
/// </summary>
public static class GifEncoder
{
    /// <summary>LZW minimum code size: 8 bits, as for any 256-colour image (spec §22, "Table Based Image Data").</summary>
    const int MinCodeSize = 8;
    const int ClearCode = 1 << MinCodeSize, EndCode = ClearCode + 1;
    /// <summary>Codes are at most 12 bits wide, so the table holds 4096 entries (spec Appendix F).</summary>
    const int MaxCodes = 1 << 12;

    /// <summary>
    /// Writes the frames, each <paramref name="width"/> × <paramref name="height"/> indices into
    /// <paramref name="palette"/> row by row, shown <paramref name="delayCentiseconds"/> hundredths of a second each; <paramref name="loops"/>
    /// is the NETSCAPE2.0 repeat count, 0 for forever.
    /// </summary>
    public static void Write(Stream output, int width, int height, GifPalette palette, IReadOnlyList<byte[]> frames,
        int delayCentiseconds, int loops = 0)
    {
        if (width is < 1 or > ushort.MaxValue || height is < 1 or > ushort.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(width), $"{width}×{height}: a GIF is 1 to 65535 pixels a side");
        if (frames.Count == 0) throw new ArgumentException("an animation needs at least one frame", nameof(frames));
        if (delayCentiseconds is < 0 or > ushort.MaxValue) throw new ArgumentOutOfRangeException(nameof(delayCentiseconds));
        if (loops is < 0 or > ushort.MaxValue) throw new ArgumentOutOfRangeException(nameof(loops));
        foreach (var frame in frames)
            if (frame.Length != width * height)
                throw new ArgumentException($"a frame has {frame.Length} pixels, not {width}×{height}", nameof(frames));

        var w = new BinaryWriter(output, Encoding.ASCII, leaveOpen: true);
        w.Write("GIF89a"u8);
        // Logical screen descriptor: size; packed = global table present (0x80), 8 bits of colour resolution
        // (7 << 4), unsorted, table size 2^(7+1) = 256 (7); background index 0; square pixels (0).
        w.Write((ushort)width);
        w.Write((ushort)height);
        w.Write((byte)0xF7);
        w.Write((byte)0);
        w.Write((byte)0);
        w.Write(palette.Rgb);
        // Application extension NETSCAPE2.0: sub-block id 1, then the loop count.
        w.Write([0x21, 0xFF, 11]);
        w.Write("NETSCAPE2.0"u8);
        w.Write([3, 1]);
        w.Write((ushort)loops);
        w.Write((byte)0);
        foreach (var frame in frames)
        {
            // Graphic control extension: disposal 1 "leave in place" (1 << 2), no transparency; the delay.
            w.Write([0x21, 0xF9, 4, 1 << 2]);
            w.Write((ushort)delayCentiseconds);
            w.Write([0, 0]);
            // Image descriptor: the whole screen, no local colour table, not interlaced.
            w.Write((byte)0x2C);
            w.Write((ushort)0);
            w.Write((ushort)0);
            w.Write((ushort)width);
            w.Write((ushort)height);
            w.Write((byte)0);
            w.Write((byte)MinCodeSize);
            WriteSubBlocks(w, Compress(frame));
        }
        w.Write((byte)0x3B);
        w.Flush();
    }

    /// <summary>
    /// GIF's variable-width LZW over <paramref name="indices"/>: codes start 9 bits wide, grow by a bit each
    /// time the next free code no longer fits, and when all 4096 codes are taken a clear code resets the table
    /// (and the width). Codes are packed least significant bit first.
    /// </summary>
    public static byte[] Compress(ReadOnlySpan<byte> indices)
    {
        var bits = new BitPacker();
        // (prefix code << 8 | next byte) → code: the strings seen so far, each a known string plus one byte.
        var table = new Dictionary<int, int>(MaxCodes);
        var width = MinCodeSize + 1;
        var next = EndCode + 1;
        bits.Write(ClearCode, width);
        if (indices.Length == 0)
        {
            bits.Write(EndCode, width);
            return bits.ToArray();
        }
        int current = indices[0];
        for (var i = 1; i < indices.Length; i++)
        {
            var key = current << 8 | indices[i];
            if (table.TryGetValue(key, out var code))
            {
                current = code;
                continue;
            }
            bits.Write(current, width);
            if (next < MaxCodes)
            {
                table[key] = next++;
                // The decoder adds this entry one code later, so it widens when next exceeds 2^width, not reaches it.
                if (next > 1 << width && width < 12) width++;
            }
            else
            {
                bits.Write(ClearCode, width);
                table.Clear();
                next = EndCode + 1;
                width = MinCodeSize + 1;
            }
            current = indices[i];
        }
        bits.Write(current, width);
        bits.Write(EndCode, width);
        return bits.ToArray();
    }

    /// <summary>Image data goes out in sub-blocks of at most 255 bytes, each led by its length, then a 0.</summary>
    static void WriteSubBlocks(BinaryWriter w, byte[] data)
    {
        for (var at = 0; at < data.Length; at += 255)
        {
            var length = Math.Min(255, data.Length - at);
            w.Write((byte)length);
            w.Write(data, at, length);
        }
        w.Write((byte)0);
    }

    /// <summary>Appends codes of a given width, least significant bit first, as GIF's LZW stream wants.</summary>
    sealed class BitPacker
    {
        readonly MemoryStream bytes = new();
        int pending, pendingBits;

        public void Write(int code, int width)
        {
            pending |= code << pendingBits;
            pendingBits += width;
            while (pendingBits >= 8)
            {
                bytes.WriteByte((byte)pending);
                pending >>= 8;
                pendingBits -= 8;
            }
        }

        public byte[] ToArray()
        {
            if (pendingBits > 0) bytes.WriteByte((byte)pending);
            return bytes.ToArray();
        }
    }
}
