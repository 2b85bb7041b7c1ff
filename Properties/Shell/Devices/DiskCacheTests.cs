using Pure.Shell.Devices;

namespace Pure.Properties.Shell;

/// <summary>Issue 13: the OpenCL kernel cache on disk keeps what it is given, refuses what is damaged, and never fails a run.</summary>
public class DiskCacheTests : IDisposable
{
    readonly string folder = Path.Combine(Path.GetTempPath(), $"pure-cache-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void What_is_stored_loads_back_and_a_new_store_replaces_it_without_leaving_temporaries()
    {
        var cache = new DiskCache(Path.Combine(folder, "made", "on", "demand"));
        Assert.Null(cache.Load("program-00"));
        cache.Store("program-00", [1, 2, 3]);
        Assert.Equal([1, 2, 3], cache.Load("program-00"));
        cache.Store("program-00", [4, 5]);
        Assert.Equal([4, 5], cache.Load("program-00"));
        cache.Store("program-01", []);
        var empty = cache.Load("program-01");
        Assert.NotNull(empty);
        Assert.Empty(empty);
        Assert.Equal(["program-00", "program-01"], Directory.GetFiles(cache.Folder).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void A_damaged_or_truncated_entry_is_not_handed_out()
    {
        var cache = new DiskCache(folder);
        cache.Store("program-aa", [10, 20, 30, 40]);
        var path = Path.Combine(folder, "program-aa");
        var bytes = File.ReadAllBytes(path);
        bytes[^1] ^= 1;
        File.WriteAllBytes(path, bytes);
        Assert.Null(cache.Load("program-aa"));
        File.WriteAllBytes(path, bytes[..10]);
        Assert.Null(cache.Load("program-aa"));
        File.WriteAllBytes(path, []);
        Assert.Null(cache.Load("program-aa"));
    }

    [Fact]
    public void A_folder_that_cannot_be_made_loses_the_entry_and_nothing_else()
    {
        Directory.CreateDirectory(folder);
        var blocker = Path.Combine(folder, "a-file");
        File.WriteAllText(blocker, "in the way");
        var cache = new DiskCache(Path.Combine(blocker, "cache"));
        cache.Store("program-bb", [1]);
        Assert.Null(cache.Load("program-bb"));
        Assert.Equal("in the way", File.ReadAllText(blocker));
        Assert.Single(Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public void A_key_with_a_path_in_it_is_a_bug_not_a_file()
    {
        var cache = new DiskCache(folder);
        Assert.Throws<ArgumentException>(() => cache.Store("../escape", [1]));
        Assert.Throws<ArgumentException>(() => cache.Load("a/b"));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(folder)!, "escape")));
    }

    [Fact]
    public void The_environment_names_the_folder_or_turns_the_cache_off()
    {
        string? None(string _) => null;
        Assert.Null(DiskCache.From(v => v == DiskCache.Variable ? "off" : null, "/home/u"));
        Assert.Equal(Path.GetFullPath("/tmp/here"), DiskCache.From(v => v == DiskCache.Variable ? "/tmp/here" : null, "/home/u")!.Folder);
        Assert.Equal("/xdg/pure/opencl", DiskCache.From(v => v == "XDG_CACHE_HOME" ? "/xdg" : null, "/home/u")!.Folder);
        Assert.Equal("/home/u/.cache/pure/opencl", DiskCache.From(None, "/home/u")!.Folder);
        Assert.Null(DiskCache.From(None, ""));
    }
}
