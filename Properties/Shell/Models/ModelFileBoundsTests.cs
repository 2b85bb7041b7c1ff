using System.Text;
using Pure.Properties.Support;
using Pure.Shell.Models;

namespace Pure.Properties;

/// <summary>
/// Issue 11, item 13: a model file is read as far as its own header allows and no further. Memory is measured
/// on this thread (the command runs on it), so tests running alongside do not count.
/// </summary>
public class ModelFileBoundsTests
{
    static (int Code, string Stderr, long Allocated) Eval(string model)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var r = PureCli.Run("eval", model, TestFiles.Data("moons.csv"));
        return (r.ExitCode, r.Stderr, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void A_device_is_not_read_as_a_model()
    {
        var (code, stderr, _) = Eval("/dev/zero");
        Assert.Equal(2, code);
        Assert.Contains("/dev/zero: is not a regular file", stderr);
    }

    [Fact]
    public void An_absurd_header_length_is_refused_before_the_file_is_read()
    {
        var path = Path.Combine(TestFiles.TempFolder(), "huge.safetensors");
        using (var file = File.Create(path))
        {
            file.Write(BitConverter.GetBytes(ulong.MaxValue / 2));
            file.SetLength(600_000_000); // sparse: no disk used, but the old reader read all of it
        }
        var (code, stderr, allocated) = Eval(path);
        Assert.Equal(2, code);
        Assert.Contains("is absurd", stderr);
        Assert.True(allocated < 50_000_000, $"{allocated:N0} bytes allocated");
    }

    [Fact]
    public void A_lone_surrogate_in_the_header_is_corrupt_input_not_an_internal_error()
    {
        var path = Path.Combine(TestFiles.TempFolder(), "surrogate.safetensors");
        var header = Encoding.UTF8.GetBytes("{\"__metadata__\":{\"format\":\"\\ud800\"}}");
        File.WriteAllBytes(path, [.. BitConverter.GetBytes((ulong)header.Length), .. header]);
        var (code, stderr, _) = Eval(path);
        Assert.Equal(2, code);
        Assert.Contains("not valid Unicode text", stderr);
    }

    [Fact]
    public void A_million_hidden_layers_in_a_small_file_are_refused_without_building_them()
    {
        var folder = TestFiles.TempFolder();
        var model = Path.Combine(folder, "m.safetensors");
        Assert.Equal(0, PureCli.Run("train", TestFiles.Data("moons.csv"), "--layers", "4", "--epochs", "1", "--save", model, "--quiet").ExitCode);
        var file = SafeTensors.Read(model);
        var metadata = file.Metadata.ToDictionary(p => p.Key, p => p.Value);
        // a format-1 file, whose network is the four settings of the command line's MLP
        metadata.Remove("network");
        (metadata["format_version"], metadata["activation"], metadata["dropout"]) = ("1", "relu", "0");
        metadata["hidden"] = string.Join(",", Enumerable.Repeat("1", 1_000_000));
        SafeTensors.Write(model, file.Tensors, metadata);
        var (code, stderr, allocated) = Eval(model);
        Assert.Equal(2, code);
        Assert.Contains("needs far more parameters than the file's", stderr);
        Assert.True(allocated < 400_000_000, $"{allocated:N0} bytes allocated");
    }
}
