using System.Diagnostics;
using System.Text.RegularExpressions;
using Pure.Properties.Support;

namespace Pure.Properties;

/// <summary>
/// Issue 15: the packages work as a user gets them. The solution's Release build is packed into a temporary
/// folder (under a version of its own, so no package cache can answer for it), the tool is installed from
/// there and run, and a fresh console project restores Pure.Core from there and runs the README's example.
/// </summary>
[Trait("Category", "Packaging")]
public class PackageTests
{
    static readonly Lazy<(string Folder, string Version)> Packed = new(() =>
    {
        var folder = TestFiles.TempFolder();
        var version = $"{ProductVersion}-test.{Guid.NewGuid():N}"[..40];
        Run("dotnet", ["pack", Path.Combine(TestFiles.Repository, "Pure.sln"), "-c", "Release", "--no-build", "-o", folder, $"-p:PackageVersion={version}"], TestFiles.Repository);
        return (folder, version);
    });

    /// <summary>The version Directory.Build.props sets, the one place it is set.</summary>
    static string ProductVersion =>
        Regex.Match(File.ReadAllText(Path.Combine(TestFiles.Repository, "Directory.Build.props")), "<Version>([^<]+)</Version>").Groups[1].Value;

    static string Run(string file, string[] args, string directory, int timeoutSeconds = 300)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeoutSeconds * 1000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{file} {string.Join(' ', args)} ran past {timeoutSeconds} s");
        }
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', args)} exited {process.ExitCode}:\n{output.Result}\n{error.Result}");
        return output.Result;
    }

    [Fact]
    public void Every_package_is_made_with_the_readme_the_license_and_the_xml_docs()
    {
        var (folder, version) = Packed.Value;
        Assert.Equal(["Pure.Cli", "Pure.Core", "Pure.FSharp", "Pure.Onnx", "Pure.OpenCl"], Directory.GetFiles(folder, "*.nupkg").Select(p => Path.GetFileName(p)[..^($".{version}.nupkg".Length)]).Order());
        using var core = System.IO.Compression.ZipFile.OpenRead(Path.Combine(folder, $"Pure.Core.{version}.nupkg"));
        Assert.Contains(core.Entries, e => e.FullName == "README.md");
        Assert.Contains(core.Entries, e => e.FullName == "lib/net10.0/Pure.Core.xml");
        using var nuspec = new StreamReader(core.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var text = nuspec.ReadToEnd();
        Assert.Contains("<license type=\"expression\">MIT</license>", text);
        Assert.Contains("<repository type=\"git\" commit=\"", text);
        using var cli = System.IO.Compression.ZipFile.OpenRead(Path.Combine(folder, $"Pure.Cli.{version}.nupkg"));
        Assert.Contains(cli.Entries, e => e.FullName == "tools/net10.0/any/DotnetToolSettings.xml");
    }

    [Fact]
    public void The_tool_installs_from_the_package_prints_its_version_and_trains()
    {
        var (folder, version) = Packed.Value;
        var tools = TestFiles.TempFolder();
        Run("dotnet", ["tool", "install", "--tool-path", tools, "--add-source", folder, "Pure.Cli", "--version", version], tools);
        var pure = Path.Combine(tools, "pure");
        Assert.Matches($"^{Regex.Escape(ProductVersion)}\\+[0-9a-f]{{40}}$", Run(pure, ["--version"], tools).Trim());
        var trained = Run(pure, ["train", TestFiles.Data("xor.csv"), "--layers", "4", "--activation", "tanh", "--lr", "0.1", "--batch", "4", "--epochs", "300", "--quiet"], tools);
        Assert.Contains("final training accuracy: 100.00%", trained);
    }

    /// <summary>The README's ten-line example, cut out of README.md as it stands, compiled and run against the package in a project of its own.</summary>
    [Fact]
    public void A_fresh_console_project_restores_the_core_and_runs_the_readme_example_unchanged()
    {
        var (folder, version) = Packed.Value;
        var readme = File.ReadAllText(Path.Combine(TestFiles.Repository, "README.md"));
        var section = readme[readme.IndexOf("## A network in ten lines of C#", StringComparison.Ordinal)..];
        var example = Regex.Match(section, "```csharp\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("Train.Fit", example);
        var project = TestFiles.TempFolder();
        Run("dotnet", ["new", "console", "-o", project, "-n", "Example", "--force"], project);
        // the packed folder beside the machine's usual sources (Pure.Core's own dependencies come from there)
        File.WriteAllText(Path.Combine(project, "nuget.config"),
            $"<configuration><packageSources><add key=\"packed\" value=\"{folder}\" /></packageSources></configuration>");
        Run("dotnet", ["add", "package", "Pure.Core", "--version", version], project);
        File.WriteAllText(Path.Combine(project, "Program.cs"), example);
        var output = Run("dotnet", ["run", "-c", "Release"], project);
        Assert.Matches(@"held-out accuracy \d+(\.\d)?\s?%", output);
    }
}
