using System.Buffers;
using System.Buffers.Binary;
using System.Text.Encodings.Web;
using System.Text.Json;
using Pure.Shell.Cli;

namespace Pure.Shell.Models;

/// <summary>
/// The safetensors format (Hugging Face), float32 only: an 8-byte little-endian u64 header length N, N bytes of
/// UTF-8 JSON mapping each tensor name to {"dtype", "shape", "data_offsets": [begin, end]} (offsets into the
/// byte buffer that follows the header) plus an optional "__metadata__" object of strings, then the raw
/// little-endian values. Reading is pure parsing: nothing in a file is ever run, and every length and offset is
/// checked before it is used, so a damaged or hostile file is refused with one line naming what is wrong.
/// </summary>
public static class SafeTensors
{
    /// <summary>The reference implementation's limit on the header; anything larger is damage, not a model.</summary>
    public const long MaxHeaderBytes = 100_000_000;

    const string MetadataKey = "__metadata__";

    // The dtypes of the format's definition, so an unsupported one is told apart from garbage.
    static readonly HashSet<string> KnownDtypes =
        ["BOOL", "U8", "I8", "F8_E5M2", "F8_E4M3", "I16", "U16", "F16", "BF16", "I32", "U32", "F32", "F64", "I64", "U64"];

    /// <summary>
    /// Writes the tensors contiguously in the given order after a header padded with spaces to a multiple of
    /// 8 bytes (so the data is aligned), through a temporary file and a rename: a failed write leaves nothing.
    /// </summary>
    public static void Write(string path, IEnumerable<Tensor> tensors, IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        ArgumentNullException.ThrowIfNull(metadata);
        var list = tensors.ToList();
        CheckWritable(list);
        var header = Header(list, metadata);
        AtomicFile.Write(path, temporary =>
        {
            using var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None);
            var prefix = new byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(prefix, (ulong)header.Length);
            stream.Write(prefix);
            stream.Write(header);
            var buffer = new byte[1 << 16];
            foreach (var tensor in list)
                for (var start = 0; start < tensor.Data.Length; start += buffer.Length / 4)
                {
                    var count = Math.Min(buffer.Length / 4, tensor.Data.Length - start);
                    for (var i = 0; i < count; i++)
                        BinaryPrimitives.WriteSingleLittleEndian(buffer.AsSpan(4 * i), tensor.Data[start + i]);
                    stream.Write(buffer, 0, 4 * count);
                }
            stream.Flush(flushToDisk: true); // the rename must never publish data still in a cache
        });
    }

    /// <summary>Reads and validates a whole file; any defect is a <see cref="CliException"/> "PATH: corrupt model file: …" with exit code 2.</summary>
    public static SafeTensorsFile Read(string path)
    {
        CliException Corrupt(string what) => new($"{path}: corrupt model file: {what}", ExitCodes.BadInput);
        // the 8-byte header length first, checked against the file's real size, before anything big is read
        using var stream = Open(path);
        var size = stream.Length;
        if (size < 8) throw Corrupt($"{size} bytes, shorter than the 8-byte header length that starts the format");
        var lengthBytes = ReadExactly(stream, 8, path);
        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(lengthBytes);
        if (headerLength > MaxHeaderBytes) throw Corrupt($"header length {headerLength} is absurd (more than {MaxHeaderBytes} bytes)");
        if (headerLength > (ulong)(size - 8))
            throw Corrupt($"header length {headerLength} is larger than the {size - 8} bytes that follow it (truncated file?)");
        var n = (int)headerLength;
        if (size - 8 - n > Array.MaxLength) throw new CliException($"{path}: too large for a model file", ExitCodes.BadInput);
        var header = ReadExactly(stream, n, path);
        if (n == 0 || header[0] != (byte)'{') throw Corrupt("the header does not start with '{'");

        var entries = new List<Entry>();
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(header.AsMemory());
        }
        catch (JsonException e)
        {
            throw Corrupt($"the header is not valid JSON ({OneLine(e.Message)})");
        }
        using (document)
        try
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object) throw Corrupt("the header is not a JSON object");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                // JsonDocument keeps duplicate keys; the format's names are unique, so a repeat is damage.
                if (!seen.Add(property.Name)) throw Corrupt($"'{property.Name}' appears twice in the header");
                if (property.Name == MetadataKey) ReadMetadata(property.Value, metadata, Corrupt);
                else entries.Add(ReadEntry(property.Name, property.Value, Corrupt));
            }
        }
        catch (InvalidOperationException)
        {
            // valid JSON can still escape a lone surrogate, which no .NET string can hold
            throw Corrupt("the header holds a string that is not valid Unicode text");
        }

        var buffer = ReadExactly(stream, (int)(size - 8 - n), path).AsSpan();
        var tensors = new List<Tensor>(entries.Count);
        long expected = 0;
        string? previous = null;
        foreach (var e in entries.OrderBy(e => e.Begin).ThenBy(e => e.End))
        {
            if (e.End > buffer.Length)
                throw Corrupt($"tensor '{e.Name}': data_offsets [{e.Begin}, {e.End}] reach past the {buffer.Length}-byte data buffer (truncated file?)");
            if (e.Begin < expected) throw Corrupt($"tensor '{e.Name}': data_offsets [{e.Begin}, {e.End}] overlap tensor '{previous}'");
            if (e.Begin > expected)
                throw Corrupt($"{e.Begin - expected} bytes at offset {expected} belong to no tensor (before '{e.Name}')");
            var data = new float[(e.End - e.Begin) / 4];
            var source = buffer.Slice((int)e.Begin, (int)(e.End - e.Begin));
            for (var i = 0; i < data.Length; i++) data[i] = BinaryPrimitives.ReadSingleLittleEndian(source.Slice(4 * i));
            tensors.Add(new Tensor(e.Name, e.Shape, data));
            expected = e.End;
            previous = e.Name;
        }
        if (expected < buffer.Length) throw Corrupt($"{buffer.Length - expected} trailing bytes after the last tensor");
        return new SafeTensorsFile(tensors, metadata) { Path = path };
    }

    sealed record Entry(string Name, int[] Shape, long Begin, long End);

    static Entry ReadEntry(string name, JsonElement value, Func<string, CliException> corrupt)
    {
        if (value.ValueKind != JsonValueKind.Object) throw corrupt($"tensor '{name}': expected an object with dtype, shape and data_offsets");
        string? dtype = null;
        int[]? shape = null;
        long[]? offsets = null;
        foreach (var field in value.EnumerateObject())
            switch (field.Name)
            {
                case "dtype" when dtype is null:
                    dtype = field.Value.ValueKind == JsonValueKind.String ? field.Value.GetString()! : throw corrupt($"tensor '{name}': dtype is not a string");
                    break;
                case "shape" when shape is null:
                    shape = Integers(field.Value, int.MaxValue, $"tensor '{name}': shape", corrupt).Select(d => (int)d).ToArray();
                    break;
                case "data_offsets" when offsets is null:
                    offsets = Integers(field.Value, long.MaxValue, $"tensor '{name}': data_offsets", corrupt);
                    if (offsets.Length != 2) throw corrupt($"tensor '{name}': data_offsets must be [begin, end], found {offsets.Length} numbers");
                    break;
                default:
                    throw corrupt($"tensor '{name}': unexpected or repeated field '{field.Name}'");
            }
        if (dtype is null) throw corrupt($"tensor '{name}': no dtype");
        if (shape is null) throw corrupt($"tensor '{name}': no shape");
        if (offsets is null) throw corrupt($"tensor '{name}': no data_offsets");
        if (dtype != "F32")
            throw corrupt(KnownDtypes.Contains(dtype)
                ? $"tensor '{name}': dtype {dtype} is not supported (only F32 is)"
                : $"tensor '{name}': unknown dtype '{dtype}' (only F32 is supported)");
        var (begin, end) = (offsets[0], offsets[1]);
        if (end < begin) throw corrupt($"tensor '{name}': data_offsets [{begin}, {end}] end before they begin");
        long elements;
        try
        {
            elements = shape.Aggregate(1L, (p, d) => checked(p * d));
        }
        catch (OverflowException)
        {
            throw corrupt($"tensor '{name}': shape {Tensor.Format(shape)} is too large");
        }
        if (elements > (end - begin) / 4 || elements * 4 != end - begin)
            throw corrupt($"tensor '{name}': shape {Tensor.Format(shape)} holds {elements} F32 values (4 bytes each) but data_offsets [{begin}, {end}] span {end - begin} bytes");
        return new Entry(name, shape, begin, end);
    }

    static long[] Integers(JsonElement value, long max, string what, Func<string, CliException> corrupt)
    {
        if (value.ValueKind != JsonValueKind.Array) throw corrupt($"{what} is not an array");
        return value.EnumerateArray()
            .Select(e => e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out var v) && v >= 0 && v <= max
                ? v
                : throw corrupt($"{what} holds '{OneLine(e.GetRawText())}', not an integer in [0, {max}]"))
            .ToArray();
    }

    static void ReadMetadata(JsonElement value, Dictionary<string, string> metadata, Func<string, CliException> corrupt)
    {
        if (value.ValueKind != JsonValueKind.Object) throw corrupt($"{MetadataKey} is not an object");
        foreach (var entry in value.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.String) throw corrupt($"{MetadataKey} '{entry.Name}' is not a string");
            if (!metadata.TryAdd(entry.Name, entry.Value.GetString()!)) throw corrupt($"{MetadataKey} '{entry.Name}' appears twice");
        }
    }

    /// <summary>A model file opened for reading: a regular file only (a device or a pipe has no size to bound the reading by).</summary>
    static FileStream Open(string path)
    {
        InputFile.Require(path);
        if (FileIdentity.Of(path) != FileIdentity.Kind.RegularFile) throw new CliException($"{path}: is not a regular file (a device, a pipe or a socket)", ExitCodes.BadInput);
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{path}: cannot read ({OneLine(e.Message)})", ExitCodes.BadInput);
        }
    }

    static byte[] ReadExactly(Stream stream, int count, string path)
    {
        var bytes = new byte[count];
        try
        {
            stream.ReadExactly(bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{path}: cannot read ({OneLine(e.Message)})", ExitCodes.BadInput);
        }
        return bytes;
    }

    static void CheckWritable(List<Tensor> tensors)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in tensors)
        {
            ArgumentNullException.ThrowIfNull(t);
            if (string.IsNullOrEmpty(t.Name) || t.Name == MetadataKey) throw new ArgumentException($"'{t.Name}' cannot name a tensor", nameof(tensors));
            if (!names.Add(t.Name)) throw new ArgumentException($"tensor '{t.Name}' appears twice", nameof(tensors));
            if (t.Shape.Any(d => d < 0) || t.ElementCount != t.Data.Length)
                throw new ArgumentException($"tensor '{t.Name}': shape {Tensor.Format(t.Shape)} does not hold {t.Data.Length} values", nameof(tensors));
        }
    }

    /// <summary>The JSON header, padded with spaces so that the data starts at a multiple of 8 bytes.</summary>
    static byte[] Header(List<Tensor> tensors, IReadOnlyDictionary<string, string> metadata)
    {
        var output = new ArrayBufferWriter<byte>();
        // Relaxed escaping keeps non-ASCII names readable; it only matters for embedding JSON in HTML.
        using (var json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            if (metadata.Count > 0)
            {
                json.WriteStartObject(MetadataKey);
                foreach (var (key, value) in metadata) json.WriteString(key, value);
                json.WriteEndObject();
            }
            long offset = 0;
            foreach (var t in tensors)
            {
                json.WriteStartObject(t.Name);
                json.WriteString("dtype", "F32");
                json.WriteStartArray("shape");
                foreach (var d in t.Shape) json.WriteNumberValue(d);
                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                json.WriteNumberValue(offset += 4L * t.Data.Length);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        var padded = new byte[(output.WrittenCount + 7) / 8 * 8];
        output.WrittenSpan.CopyTo(padded);
        padded.AsSpan(output.WrittenCount).Fill((byte)' ');
        return padded;
    }

    static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
