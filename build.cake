// Pure's build: Clean · Build · Test (default) · Pack. Run with `dotnet tool restore && dotnet cake [--target=Pack]`.
using System.Xml.Linq;

var target = Argument("target", "Test");
var configuration = Argument("configuration", "Release");
var results = Directory("./TestResults");

Task("Clean").Does(() =>
{
    CleanDirectories("./**/bin");
    CleanDirectories("./**/obj");
    CleanDirectory(results);
});

Task("Build").Does(() =>
{
    DotNetBuild("./Pure.sln", new DotNetBuildSettings { Configuration = configuration });
    DotNetBuild("./examples/fsharp/Xor.fsproj", new DotNetBuildSettings { Configuration = configuration });
});

// The packages (Pure.Core, Pure.OpenCl, Pure.FSharp, and Pure.Cli, the `pure` command as a .NET tool) in
// artifacts/packages, versioned by Directory.Build.props.
Task("Pack").IsDependentOn("Build").Does(() =>
{
    CleanDirectory("./artifacts/packages");
    DotNetPack("./Pure.sln", new DotNetPackSettings { Configuration = configuration, NoBuild = true, OutputDirectory = "./artifacts/packages" });
    foreach (var package in GetFiles("./artifacts/packages/*.nupkg")) Information($"packed {package.GetFilename()}");
});

// The two test projects, then the F# example (composes and trains XOR from F#; its output is checked here).
// Both always run; the counts are summed into TestResults/summary.txt ("N passed, M failed") for .ci/run.
Task("Test").IsDependentOn("Build").Does(() =>
{
    CleanDirectory(results);
    var failures = new List<string>();
    // The OpenCL tests (trait Category=OpenCl) run as their own pass on the machine's first OpenCL device (PoCL
    // on the CPU in CI, which .ci/run installs); where `pure devices` finds no platform they are skipped, and the
    // reason is printed.
    var devices = StartProcess("dotnet", new ProcessSettings
    {
        Arguments = $"Shell/bin/{configuration}/net10.0/pure.dll devices",
        RedirectStandardOutput = true,
        RedirectStandardError = true,
    }, out var deviceLines, out var deviceErrors);
    var openCl = devices == 0;
    foreach (var l in deviceLines) Information("devices | " + l);
    if (!openCl) Information("OpenCL tests SKIPPED: " + string.Join(" ", deviceErrors));
    var passes = new List<(string Name, string Project, string Filter)>
    {
        ("core", "./Properties/Core/Properties.Core.csproj", "Category!=OpenCl"),
        ("shell", "./Properties/Shell/Properties.Shell.csproj", "Category!=OpenCl"),
    };
    if (openCl)
    {
        passes.Add(("core-opencl", "./Properties/Core/Properties.Core.csproj", "Category=OpenCl"));
        passes.Add(("shell-opencl", "./Properties/Shell/Properties.Shell.csproj", "Category=OpenCl"));
    }
    foreach (var (name, project, filter) in passes)
    {
        try
        {
            DotNetTest(project, new DotNetTestSettings
            {
                Configuration = configuration,
                NoBuild = true,
                Filter = filter,
                Loggers = new[] { $"trx;LogFileName=properties-{name}.trx", "console;verbosity=normal" },
                ResultsDirectory = results,
            });
        }
        catch (Exception e)
        {
            failures.Add($"properties ({name}): " + e.Message);
        }
    }

    int passed = 0, failed = 0;
    foreach (var trx in GetFiles(results.Path + "/*.trx"))
    {
        var counters = XDocument.Load(trx.FullPath).Descendants().First(d => d.Name.LocalName == "Counters");
        var (p, f) = (int.Parse(counters.Attribute("passed").Value),
            int.Parse(counters.Attribute("failed").Value) + int.Parse(counters.Attribute("error").Value) + int.Parse(counters.Attribute("timeout").Value));
        if (trx.GetFilename().FullPath.Contains("opencl")) Information($"OpenCL tests ({trx.GetFilename()}): {p} passed, {f} failed");
        (passed, failed) = (passed + p, failed + f);
    }

    var exit = StartProcess("dotnet", new ProcessSettings
    {
        Arguments = $"run --project examples/fsharp/Xor.fsproj -c {configuration} --no-build",
        RedirectStandardOutput = true,
    }, out var lines);
    var output = lines.ToList();
    output.ForEach(l => Information("F# example | " + l));
    var solved = exit == 0 && output.Count(l => l == "accuracy 100%") == 3 && output.Count(l => l.Contains(" xor ")) == 12;
    Information(solved ? "F# example: XOR learned by all three compositions" : "F# example FAILED");
    if (solved) passed++; else { failed++; failures.Add("F# example: XOR was not learned"); }

    var summary = $"{passed} passed, {failed} failed";
    System.IO.File.WriteAllText(results.Path + "/summary.txt", summary + "\n");
    Information(summary);
    if (failures.Count > 0) throw new Exception(string.Join("; ", failures));
});

RunTarget(target);
