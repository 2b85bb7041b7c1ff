using Pure.Properties.House;

namespace Pure.Properties;

/// <summary>The rules ARCHITECTURE.md says must never break, checked on the compiled assemblies.</summary>
public class HouseRules
{
    static readonly System.Reflection.Assembly CoreAssembly = typeof(Layer).Assembly;
    static readonly System.Reflection.Assembly ShellAssembly = typeof(Pure.Shell.Program).Assembly;
    static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> Core = NamespaceGraph.Of(CoreAssembly);
    static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> Shell = NamespaceGraph.Of(ShellAssembly);

    /// <summary>A static that can be reassigned, so the static-state reader is seen to find one.</summary>
    internal static int MutableProbe = 0;

    static IEnumerable<string> Uses(IReadOnlyDictionary<string, IReadOnlySet<string>> graph, string from) =>
        graph.Where(e => e.Key == from || e.Key.StartsWith(from + ".", StringComparison.Ordinal)).SelectMany(e => e.Value);

    [Fact]
    public void The_core_does_not_reference_the_shell_or_any_IO_package()
    {
        var references = CoreAssembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();
        Assert.DoesNotContain(ShellAssembly.GetName().Name, references);
        Assert.DoesNotContain(Core.Values.SelectMany(v => v), ns => ns.StartsWith("Pure.Shell", StringComparison.Ordinal));
        foreach (var forbidden in new[] { "System.IO", "System.Net", "CsvHelper", "Spectre", "ScottPlot", "System.CommandLine" })
            Assert.DoesNotContain(Core.Values.SelectMany(v => v), ns => ns == forbidden || ns.StartsWith(forbidden + ".", StringComparison.Ordinal));
    }

    /// <summary>No console, clock, environment or unseeded randomness anywhere in the core's code.</summary>
    [Fact]
    public void The_core_has_no_console_clock_environment_or_unseeded_randomness()
    {
        Type[] forbiddenTypes = [typeof(Console), typeof(System.Diagnostics.Stopwatch), typeof(Random), typeof(TimeProvider), typeof(Thread)];
        // the one exception: the CPU backend's worker pool owns its threads (created with the backend, joined on
        // Dispose); each part of a product writes its own outputs, so threads change no result
        var pool = CoreAssembly.GetType("Pure.Core.Backends.Cpu.WorkerPool", throwOnError: true)!;
        var users = CoreAssembly.GetTypes().Where(t => t.Namespace?.StartsWith("Pure.Core", StringComparison.Ordinal) == true)
            .Where(t => NamespaceGraph.TypesUsedBy(t).Contains(typeof(Thread)))
            .Select(t => t.DeclaringType ?? t).Distinct().ToArray();
        Assert.Equal([pool], users);
        Assert.Empty(NamespaceGraph.TypesUsedIn(CoreAssembly, "Pure.Core").Except([typeof(Thread)]).Intersect(forbiddenTypes));
        string[] clocks = ["get_Now", "get_UtcNow", "get_Today", "NewGuid"];
        var members = NamespaceGraph.MembersUsedIn(CoreAssembly, "Pure.Core");
        var used = members.Where(m => m.DeclaringType is { } t && (t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(Guid)) && clocks.Contains(m.Name))
            // the compiler's iterator state machines read the thread id, and only that, of the environment
            .Concat(members.Where(m => m.DeclaringType == typeof(Environment) && m.Name != "get_CurrentManagedThreadId"));
        Assert.Empty(used.Select(m => $"{m.DeclaringType!.Name}.{m.Name}"));
    }

    [Fact]
    public void The_core_has_no_static_mutable_state()
    {
        Assert.Empty(NamespaceGraph.MutableStatics(CoreAssembly, "Pure.Core").Select(f => $"{f.DeclaringType!.FullName}.{f.Name}"));
    }

    [Fact]
    public void No_namespace_import_cycle_in_the_core_or_the_shell()
    {
        Assert.Null(NamespaceGraph.FindCycle(Core, "Pure.Core"));
        Assert.Null(NamespaceGraph.FindCycle(Shell, "Pure.Shell"));
    }

    [Theory]
    [InlineData("Pure.Core.Layers")]
    [InlineData("Pure.Core.Training")]
    [InlineData("Pure.Core.Optimisers")]
    [InlineData("Pure.Core.Diagnostics")]
    public void Layers_and_the_rooms_above_speak_only_to_the_seam(string room)
    {
        var concrete = Uses(Core, room).Where(ns => ns.StartsWith("Pure.Core.Backends.", StringComparison.Ordinal)).ToArray();
        // Training names the documented default backend of the convenience overloads, and only that
        var allowed = room == "Pure.Core.Training" ? new[] { "Pure.Core.Backends.Cpu" } : [];
        Assert.Empty(concrete.Except(allowed));
        if (room == "Pure.Core.Training")
            Assert.Equal([typeof(CpuBackend)], NamespaceGraph.TypesUsedIn(CoreAssembly, room).Where(t => t.Namespace == "Pure.Core.Backends.Cpu"));
    }

    [Fact]
    public void The_seam_does_not_import_the_optimiser_or_training_namespaces()
    {
        var seam = Core["Pure.Core.Backends"].Concat(Core["Pure.Core.Backends.Cpu"]).ToHashSet();
        Assert.DoesNotContain("Pure.Core.Optimisers", seam);
        Assert.DoesNotContain("Pure.Core.Training", seam);
        Assert.DoesNotContain("Pure.Core.Layers", seam);
    }

    [Fact]
    public void In_the_shell_only_the_composition_root_names_the_CPU_backend()
    {
        var naming = Shell.Where(e => e.Value.Contains("Pure.Core.Backends.Cpu")).Select(e => e.Key).ToArray();
        Assert.Equal(["Pure.Shell"], naming);
    }

    [Fact]
    public void The_checker_sees_real_edges()
    {
        // the shell does keep a clock and the console: the same readers must see them there
        Assert.Contains(typeof(System.Diagnostics.Stopwatch), NamespaceGraph.TypesUsedIn(ShellAssembly, "Pure.Shell"));
        Assert.Contains(NamespaceGraph.MembersUsedIn(ShellAssembly, "Pure.Shell"), m => m.DeclaringType == typeof(Console) && m.Name == "get_Out");
        Assert.Contains(NamespaceGraph.MutableStatics(typeof(HouseRules).Assembly, "Pure.Properties"), f => f.Name == nameof(MutableProbe));
        // guards the rules above against a graph that is empty because the reader broke
        Assert.Contains("Pure.Core.Backends", Core["Pure.Core.Layers"]);
        Assert.Contains("Pure.Core.Optimisers", Core["Pure.Core.Training"]);
        Assert.Contains("Pure.Core.Activations", Core["Pure.Core.Backends"]);
        Assert.Contains("Pure.Core.Backends.Cpu", Shell["Pure.Shell"]);
        var cyclic = new Dictionary<string, IReadOnlySet<string>> { ["P.A"] = new HashSet<string> { "P.B" }, ["P.B"] = new HashSet<string> { "P.C" }, ["P.C"] = new HashSet<string> { "P.A" } };
        Assert.Equal(["P.A", "P.B", "P.C", "P.A"], NamespaceGraph.FindCycle(cyclic, "P"));
    }
}
