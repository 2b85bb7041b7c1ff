using System.Text;
using System.Text.Json;

namespace Pure.Properties.Support;

/// <summary>
/// A second, deliberately independent safetensors reader and writer, written from the format's definition
/// (u64 little-endian header length, JSON header, raw little-endian F32 data) with none of the shell's code,
/// so a shared misreading of the format cannot make the shell agree with itself.
/// </summary>
public static class ReferenceSafeTensors
{
    public sealed record Entry(int[] Shape, float[] Data, long Begin, long End);

    public sealed record Contents(Dictionary<string, Entry> Tensors, Dictionary<string, string> Metadata, long HeaderLength);

    public static Contents Read(byte[] file)
    {
        ulong n = 0;
        for (var i = 7; i >= 0; i--) n = (n << 8) | file[i];
        var header = Encoding.UTF8.GetString(file, 8, (int)n);
        var data = file.AsSpan(8 + (int)n);
        using var json = JsonDocument.Parse(header);
        var tensors = new Dictionary<string, Entry>();
        var metadata = new Dictionary<string, string>();
        foreach (var p in json.RootElement.EnumerateObject())
        {
            if (p.Name == "__metadata__")
            {
                foreach (var m in p.Value.EnumerateObject()) metadata[m.Name] = m.Value.GetString()!;
                continue;
            }
            if (p.Value.GetProperty("dtype").GetString() != "F32") throw new InvalidDataException($"{p.Name}: not F32");
            var shape = p.Value.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            var offsets = p.Value.GetProperty("data_offsets").EnumerateArray().Select(e => e.GetInt64()).ToArray();
            var values = new float[(offsets[1] - offsets[0]) / 4];
            for (var i = 0; i < values.Length; i++)
            {
                var at = (int)offsets[0] + 4 * i;
                var bits = data[at] | data[at + 1] << 8 | data[at + 2] << 16 | data[at + 3] << 24;
                values[i] = BitConverter.Int32BitsToSingle(bits);
            }
            tensors.Add(p.Name, new Entry(shape, values, offsets[0], offsets[1]));
        }
        return new Contents(tensors, metadata, (long)n);
    }

    /// <summary>
    /// A file as another writer might lay it out: header entries in the given order, data in
    /// <paramref name="dataOrder"/> (indices into <paramref name="tensors"/>), metadata last, no padding.
    /// </summary>
    public static byte[] Write(IReadOnlyList<(string Name, int[] Shape, float[] Data)> tensors, int[] dataOrder, IReadOnlyDictionary<string, string>? metadata)
    {
        var offsets = new long[tensors.Count];
        long offset = 0;
        foreach (var i in dataOrder)
        {
            offsets[i] = offset;
            offset += 4L * tensors[i].Data.Length;
        }
        var header = new StringBuilder("{");
        for (var i = 0; i < tensors.Count; i++)
        {
            var (name, shape, data) = tensors[i];
            header.Append(i == 0 ? "" : ",").Append(JsonSerializer.Serialize(name))
                .Append($":{{\"data_offsets\":[{offsets[i]},{offsets[i] + 4L * data.Length}],\"shape\":[{string.Join(",", shape)}],\"dtype\":\"F32\"}}");
        }
        if (metadata is not null) header.Append(",\"__metadata__\":").Append(JsonSerializer.Serialize(metadata));
        header.Append('}');
        var headerBytes = Encoding.UTF8.GetBytes(header.ToString());
        // BitConverter writes the machine order; the format is little-endian, as are the machines the suite runs on.
        Assert.True(BitConverter.IsLittleEndian);
        var file = new List<byte>(BitConverter.GetBytes((ulong)headerBytes.Length));
        file.AddRange(headerBytes);
        foreach (var i in dataOrder)
            foreach (var v in tensors[i].Data) file.AddRange(BitConverter.GetBytes(v));
        return file.ToArray();
    }
}
