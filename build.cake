// Pure's build: Clean · Build · Test (default). Run with `dotnet tool restore && dotnet cake [--target=Build]`.
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

// The two test projects, then the F# example (composes and trains XOR from F#; its output is checked here).
// Both always run; the counts are summed into TestResults/summary.txt ("N passed, M failed") for .ci/run.
Task("Test").IsDependentOn("Build").Does(() =>
{
    CleanDirectory(results);
    var failures = new List<string>();
    // the core's properties (no CLI, no plots), then the shell's tests
    foreach (var (name, project) in new[] { ("core", "./Properties/Core/Properties.Core.csproj"), ("shell", "./Properties/Shell/Properties.Shell.csproj") })
    {
        try
        {
            DotNetTest(project, new DotNetTestSettings
            {
                Configuration = configuration,
                NoBuild = true,
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
        passed += int.Parse(counters.Attribute("passed").Value);
        failed += int.Parse(counters.Attribute("failed").Value) + int.Parse(counters.Attribute("error").Value) + int.Parse(counters.Attribute("timeout").Value);
    }

    var exit = StartProcess("dotnet", new ProcessSettings
    {
        Arguments = $"run --project examples/fsharp/Xor.fsproj -c {configuration} --no-build",
        RedirectStandardOutput = true,
    }, out var lines);
    var output = lines.ToList();
    output.ForEach(l => Information("F# example | " + l));
    var solved = exit == 0 && output.Count(l => l == "accuracy 100%") == 2 && output.Count(l => l.Contains(" xor ")) == 8;
    Information(solved ? "F# example: XOR learned by both compositions" : "F# example FAILED");
    if (solved) passed++; else { failed++; failures.Add("F# example: XOR was not learned"); }

    var summary = $"{passed} passed, {failed} failed";
    System.IO.File.WriteAllText(results.Path + "/summary.txt", summary + "\n");
    Information(summary);
    if (failures.Count > 0) throw new Exception(string.Join("; ", failures));
});

RunTarget(target);
