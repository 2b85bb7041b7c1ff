using System.Collections.Concurrent;
using System.Text;
using Pure.Core.Backends;
using Pure.Core.Backends.OpenCl;
using Pure.Properties.Support;

namespace Pure.Properties;

/// <summary>
/// Issue 13: built programs and tuned tiles are kept in the context's cache and taken from it by a later
/// context on the same device; what the cache holds is only trusted as far as the driver accepts it.
/// </summary>
[Trait("Category", "OpenCl")]
public class OpenClCacheTests
{
    /// <summary>A cache in memory, counting what it is asked for.</summary>
    sealed class MemoryCache : IOpenClCache
    {
        public readonly ConcurrentDictionary<string, byte[]> Entries = new();
        public byte[]? Load(string key) => Entries.TryGetValue(key, out var v) ? v : null;
        public void Store(string key, byte[] value) => Entries[key] = value;
    }

    const string Twice = "__kernel void twice(__global float* x) { size_t i = get_global_id(0); x[i] = 2.0f * x[i] + 1.0f; }";

    static OpenClContext Open(IOpenClCache cache)
    {
        var d = OpenClFixture.Context.Device;
        return OpenClContext.Create(d.Platform, d.Index, cache).ThrowIfFail();
    }

    static float[] RunTwice(OpenClContext context, OpenClProgram program)
    {
        using var x = context.Allocate(5);
        context.Write([0f, 1f, -2f, 0.5f, 3f], x, 0);
        program.Kernel("twice").Set(0, x).Run([5]);
        var back = new float[5];
        context.Read(x, 0, back);
        return back;
    }

    [OpenClFact]
    public void A_second_context_takes_the_program_from_the_cache_and_it_runs_the_same()
    {
        var cache = new MemoryCache();
        using (var first = Open(cache))
        {
            var built = first.Build("twice", Twice).ThrowIfFail();
            Assert.False(built.FromCache);
            Assert.Equal([1f, 3f, -3f, 2f, 7f], RunTwice(first, built));
        }
        Assert.Single(cache.Entries);
        Assert.StartsWith("program-", cache.Entries.Keys.Single());
        using var second = Open(cache);
        var loaded = second.Build("twice", Twice).ThrowIfFail();
        Assert.True(loaded.FromCache);
        Assert.Equal([1f, 3f, -3f, 2f, 7f], RunTwice(second, loaded));
        // other options or other source are another entry, never the cached binary
        Assert.False(second.Build("twice", Twice, "-cl-std=CL1.2 -DUNUSED=1").ThrowIfFail().FromCache);
        Assert.Equal(2, cache.Entries.Count);
    }

    [OpenClFact]
    public void A_binary_the_driver_rejects_is_built_again_from_source_and_replaced()
    {
        var cache = new MemoryCache();
        using (var first = Open(cache)) first.Build("twice", Twice).ThrowIfFail();
        var key = cache.Entries.Keys.Single();
        var garbage = Encoding.ASCII.GetBytes("not a binary of any driver");
        cache.Entries[key] = garbage;
        using var second = Open(cache);
        var rebuilt = second.Build("twice", Twice).ThrowIfFail();
        Assert.False(rebuilt.FromCache);
        Assert.Equal([1f, 3f, -3f, 2f, 7f], RunTwice(second, rebuilt));
        Assert.NotEqual(garbage, cache.Entries[key]);
    }

    [OpenClFact]
    public void The_tuning_pass_stores_its_choice_and_a_later_pass_takes_a_stored_one()
    {
        var cache = new MemoryCache();
        using var context = Open(cache);
        var tuned = OpenClGemm.Tune(context, size: 128).ThrowIfFail();
        var key = cache.Entries.Keys.Single(k => k.StartsWith("gemm-tiling-"));
        Assert.Equal($"{tuned.Tile} {tuned.PerItem} {tuned.Depth}", Encoding.ASCII.GetString(cache.Entries[key]));
        // a stored choice is taken as it is: here the small tiling, which timing would not pick on this device
        cache.Entries[key] = Encoding.ASCII.GetBytes("8 2 8");
        var remembered = OpenClGemm.Tune(context, size: 128).ThrowIfFail();
        Assert.Equal((8, 2, 8), (remembered.Tile, remembered.PerItem, remembered.Depth));
        // anything else in the entry is ignored and the pass runs again
        cache.Entries[key] = Encoding.ASCII.GetBytes("1024 1 1");
        var retuned = OpenClGemm.Tune(context, size: 128).ThrowIfFail();
        Assert.Contains((retuned.Tile, retuned.PerItem, retuned.Depth), OpenClGemm.Candidates);
        Assert.Contains(Encoding.ASCII.GetString(cache.Entries[key]), OpenClGemm.Candidates.Select(c => $"{c.Tile} {c.PerItem} {c.Depth}"));
        OpenClGemmTests.AssertMultipliesASmallProduct(context, remembered);
    }
}

/// <summary>Cache keys name the device, its driver and what the entry was made from (no device needed).</summary>
public class OpenClCacheKeyTests
{
    static readonly OpenClDevice Device = new(0, 0, "gpu", "vendor", "OpenCL 3.0", "560.1", "GPU", 132, 140L << 30, 1024);

    [Fact]
    public void A_key_changes_with_the_driver_the_device_and_the_source()
    {
        var key = Device.CacheKey("program", "source");
        Assert.Equal(key, Device.CacheKey("program", "source"));
        Assert.Matches("^program-[0-9a-f]{32}$", key);
        Assert.NotEqual(key, (Device with { Driver = "560.2" }).CacheKey("program", "source"));
        Assert.NotEqual(key, (Device with { Name = "other" }).CacheKey("program", "source"));
        Assert.NotEqual(key, Device.CacheKey("program", "source "));
        Assert.NotEqual(key, Device.CacheKey("gemm-tiling", "source"));
        // the index is where the device sits in this machine's list, not what it is: the same device elsewhere shares entries
        Assert.Equal(key, (Device with { Platform = 1, Index = 2 }).CacheKey("program", "source"));
    }
}
