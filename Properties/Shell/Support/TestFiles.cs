namespace Pure.Properties.Support;

/// <summary>Absolute paths for tests: the repository's data files and fresh temporary folders, never the current directory.</summary>
public static class TestFiles
{
    /// <summary>A file of the repository's data folder.</summary>
    public static string Data(string file) => Path.Combine(Repository, "data", file);

    /// <summary>A file written by an earlier version of Pure, kept to prove it still loads (Properties/Shell/Models/Fixtures).</summary>
    public static string Fixture(string file) => Path.Combine(Repository, "Properties", "Shell", "Models", "Fixtures", file);

    /// <summary>The repository's root (the tests run from Properties/*/bin/…).</summary>
    public static string Repository
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Pure.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Pure.sln not found above the test binaries");
        }
    }

    /// <summary>A fresh temporary folder for one test's files.</summary>
    public static string TempFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "pure-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
