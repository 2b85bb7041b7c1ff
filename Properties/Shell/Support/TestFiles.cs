namespace Pure.Properties.Support;

/// <summary>Absolute paths for tests: the repository's data files and fresh temporary folders, never the current directory.</summary>
public static class TestFiles
{
    /// <summary>The repository's data folder (the tests run from Properties/bin/…).</summary>
    public static string Data(string file)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Pure.sln"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Pure.sln not found above the test binaries"), "data", file);
    }

    /// <summary>A fresh temporary folder for one test's files.</summary>
    public static string TempFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "pure-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
