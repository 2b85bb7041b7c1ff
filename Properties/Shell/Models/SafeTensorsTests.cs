using System.Text;
using Pure.Core.Tensors;
using Pure.Properties.Support;
using Pure.Shell.Cli;
using Pure.Shell.Models;

namespace Pure.Properties;

/// <summary>The safetensors layer against an independent reader and writer, and on damaged files.</summary>
public class SafeTensorsTests
{
    static readonly Dictionary<string, string> Meta = new() { ["format"] = "test", ["quote\"d"] = "ünïcode, \"quotes\" and \\ backslash" };

    static int Bits(float v) => BitConverter.SingleToInt32Bits(v);

    /// <summary>Random tensors of rank 0–3 (zero-size ones included) whose values include NaN payloads, ±∞ and −0.</summary>
    static List<Tensor> RandomTensors(Rng rng)
    {
        float[] special = [float.NaN, BitConverter.Int32BitsToSingle(0x7FC0_1234), float.PositiveInfinity, float.NegativeInfinity, -0f, float.Epsilon, float.MaxValue];
        var tensors = new List<Tensor>();
        var count = rng.Below(0, 6);
        for (var t = 0; t < count; t++)
        {
            var k = rng.Fold((ulong)t + 1);
            var shape = Enumerable.Range(0, k.Below(0, 4)).Select(d => k.Fold((ulong)d + 7).Below(0, 5)).ToArray();
            var data = new float[shape.Aggregate(1, (p, d) => p * d)];
            k.Fold(99).FillNormal(0f, 3f, data);
            for (var i = 0; i < data.Length; i += 5) data[i] = special[(i / 5 + t) % special.Length];
            tensors.Add(new Tensor($"{t}.layer-ü", shape, data));
        }
        return tensors;
    }

    [SeededProperty]
    public void An_independent_reader_sees_the_names_shapes_values_and_metadata_written(Seed seed)
    {
        var tensors = RandomTensors(seed.Rng);
        var path = Path.Combine(TestFiles.TempFolder(), "t.safetensors");
        SafeTensors.Write(path, tensors, Meta);

        var bytes = File.ReadAllBytes(path);
        var reference = ReferenceSafeTensors.Read(bytes);
        Assert.Equal(0, (8 + reference.HeaderLength) % 8); // data aligned to 8 bytes
        Assert.Equal((byte)'{', bytes[8]);
        Assert.Equal(Meta, reference.Metadata);
        Assert.Equal(tensors.Select(t => t.Name), reference.Tensors.Keys);
        foreach (var t in tensors)
        {
            Assert.Equal(t.Shape, reference.Tensors[t.Name].Shape);
            Assert.Equal(t.Data.Select(Bits), reference.Tensors[t.Name].Data.Select(Bits));
        }

        var back = SafeTensors.Read(path);
        Assert.Equal(Meta, back.Metadata);
        Assert.Equal(tensors.Select(t => t.Name), back.Tensors.Select(t => t.Name));
        foreach (var t in tensors)
        {
            Assert.Equal(t.Shape, back.Get(t.Name).Shape);
            Assert.Equal(t.Data.Select(Bits), back.Get(t.Name).Data.Select(Bits));
        }
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!)); // no temporary left beside it
    }

    [Fact]
    public void Reads_a_file_laid_out_by_another_writer()
    {
        (string, int[], float[])[] tensors = [("w", [2, 3], [1, 2, 3, 4, 5, 6]), ("b", [2], [-0.5f, 0.25f]), ("s", [], [7])];
        var path = Path.Combine(TestFiles.TempFolder(), "other.safetensors");
        File.WriteAllBytes(path, ReferenceSafeTensors.Write(tensors, dataOrder: [2, 0, 1], new Dictionary<string, string> { ["k"] = "v" }));

        var file = SafeTensors.Read(path);
        Assert.Equal(["s", "w", "b"], file.Tensors.Select(t => t.Name)); // in data order
        Assert.Equal([2, 3], file.Get("w").Shape);
        Assert.Equal([1f, 2, 3, 4, 5, 6], file.Get("w").Data);
        Assert.Equal([-0.5f, 0.25f], file.Get("b").Data);
        Assert.Empty(file.Get("s").Shape);
        Assert.Equal("v", file.Metadata["k"]);
        var missing = Assert.Throws<CliException>(() => file.Get("nope"));
        Assert.Contains(path, missing.Message);
        Assert.Contains("'nope'", missing.Message);
    }

    static byte[] Raw(string header, int dataBytes, ulong? length = null)
    {
        var h = Encoding.UTF8.GetBytes(header);
        var file = new byte[8 + h.Length + dataBytes];
        BitConverter.GetBytes(length ?? (ulong)h.Length).CopyTo(file, 0);
        h.CopyTo(file, 8);
        return file;
    }

    const string A = "\"a\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,24]}";

    static byte[] Corrupted(string kind) => kind switch
    {
        "short" => [1, 2, 3, 4, 5],
        "absurd length" => Raw("{" + A + "}", 24, 1UL << 40),
        "length past the end" => Raw("{" + A + "}", 24, 100),
        "no brace" => Raw(" " + A + "}", 24),
        "invalid json" => Raw("{" + A + ",}", 24),
        "truncated json" => Raw("{\"a\":{\"dtype\":", 0),
        "F16" => Raw("{" + A.Replace("F32", "F16") + "}", 24),
        "unknown dtype" => Raw("{" + A.Replace("F32", "Q7") + "}", 24),
        "shape vs span" => Raw("{" + A.Replace("[2,3]", "[2,2]") + "}", 24),
        "negative dim" => Raw("{" + A.Replace("[2,3]", "[-2,-3]") + "}", 24),
        "fractional offset" => Raw("{" + A.Replace("[0,24]", "[0,24.0]") + "}", 24),
        "reversed offsets" => Raw("{" + A.Replace("[0,24]", "[24,0]") + "}", 24),
        "out of range" => Raw("{" + A + "}", 20),
        "overlap" => Raw("{" + A + ",\"b\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[16,32]}}", 40),
        "gap" => Raw("{" + A + ",\"b\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[28,44]}}", 44),
        "trailing" => Raw("{" + A + "}", 28),
        "duplicate" => Raw("{" + A + "," + A + "}", 24),
        "missing field" => Raw("{\"a\":{\"dtype\":\"F32\",\"shape\":[2,3]}}", 24),
        "extra field" => Raw("{" + A.Replace("}", ",\"code\":\"rm -rf\"}") + "}", 24),
        "metadata not string" => Raw("{\"__metadata__\":{\"k\":1}," + A + "}", 24),
        "metadata not object" => Raw("{\"__metadata__\":[]," + A + "}", 24),
        _ => throw new ArgumentException(kind),
    };

    [Theory]
    [InlineData("short", "5 bytes, shorter than the 8-byte header length")]
    [InlineData("absurd length", "header length 1099511627776 is absurd")]
    [InlineData("length past the end", "header length 100 is larger than the")]
    [InlineData("no brace", "does not start with '{'")]
    [InlineData("invalid json", "the header is not valid JSON")]
    [InlineData("truncated json", "the header is not valid JSON")]
    [InlineData("F16", "dtype F16 is not supported (only F32 is)")]
    [InlineData("unknown dtype", "unknown dtype 'Q7'")]
    [InlineData("shape vs span", "tensor 'a': shape [2, 2] holds 4 F32 values (4 bytes each) but data_offsets [0, 24] span 24 bytes")]
    [InlineData("negative dim", "tensor 'a': shape holds '-2'")]
    [InlineData("fractional offset", "data_offsets holds '24.0'")]
    [InlineData("reversed offsets", "end before they begin")]
    [InlineData("out of range", "reach past the 20-byte data buffer")]
    [InlineData("overlap", "tensor 'b': data_offsets [16, 32] overlap tensor 'a'")]
    [InlineData("gap", "4 bytes at offset 24 belong to no tensor")]
    [InlineData("trailing", "4 trailing bytes after the last tensor")]
    [InlineData("duplicate", "'a' appears twice")]
    [InlineData("missing field", "tensor 'a': no data_offsets")]
    [InlineData("extra field", "unexpected or repeated field 'code'")]
    [InlineData("metadata not string", "__metadata__ 'k' is not a string")]
    [InlineData("metadata not object", "__metadata__ is not an object")]
    public void A_damaged_file_is_refused_with_one_line_naming_the_defect(string kind, string message)
    {
        var path = Path.Combine(TestFiles.TempFolder(), "bad.safetensors");
        File.WriteAllBytes(path, Corrupted(kind));
        var e = Assert.Throws<CliException>(() => SafeTensors.Read(path));
        Assert.Equal(ExitCodes.BadInput, e.ExitCode);
        Assert.StartsWith($"{path}: corrupt model file: ", e.Message);
        Assert.Contains(message, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void A_refused_write_leaves_nothing_and_a_rewrite_replaces_the_file()
    {
        var dir = TestFiles.TempFolder();
        var path = Path.Combine(dir, "m.safetensors");
        Assert.Throws<ArgumentException>(() => SafeTensors.Write(path, [new Tensor("a", [2, 2], [1, 2, 3])], Meta));
        Assert.Throws<ArgumentException>(() => SafeTensors.Write(path, [new Tensor("a", [1], [1]), new Tensor("a", [1], [2])], Meta));
        Assert.Empty(Directory.GetFileSystemEntries(dir));

        SafeTensors.Write(path, [new Tensor("a", [1], [1])], Meta);
        SafeTensors.Write(path, [new Tensor("b", [2], [2, 3])], new Dictionary<string, string>());
        Assert.Equal(["b"], SafeTensors.Read(path).Tensors.Select(t => t.Name));
        Assert.Empty(SafeTensors.Read(path).Metadata);
        Assert.Single(Directory.GetFileSystemEntries(dir));

        var nowhere = Path.Combine(dir, "no-such-folder", "m.safetensors");
        Assert.Throws<CliException>(() => SafeTensors.Write(nowhere, [new Tensor("a", [1], [1])], Meta));
        Assert.Contains("no such file", Assert.Throws<CliException>(() => SafeTensors.Read(Path.Combine(dir, "absent"))).Message);
    }
}
