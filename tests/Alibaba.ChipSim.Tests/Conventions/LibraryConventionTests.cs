using System.Reflection;
using System.Runtime.CompilerServices;
using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Tests.Conventions;

/// <summary>Cheap insurance by reflection and by reading the sources (STYLE.md, "In the tests").</summary>
public sealed class LibraryConventionTests
{
    private static readonly Assembly Library = typeof(Scenario).Assembly;

    private static IEnumerable<Type> LibraryTypes() =>
        Library.GetTypes().Where(t => !t.IsNested && !t.IsInterface && !t.IsEnum && !t.IsValueType
                                      && t.GetCustomAttribute<CompilerGeneratedAttribute>() is null
                                      && t.Namespace?.StartsWith("Alibaba.ChipSim", StringComparison.Ordinal) == true);

    [Fact]
    public void Every_library_class_is_sealed_static_or_abstract()
    {
        var open = LibraryTypes().Where(t => !t.IsSealed && !t.IsAbstract).Select(t => t.FullName).ToList();
        Assert.True(open.Count == 0, "not sealed: " + string.Join(", ", open));
    }

    [Fact]
    public void Scenario_records_have_no_public_mutable_setters()
    {
        var scenarioTypes = Library.GetTypes().Where(t => t.Namespace == "Alibaba.ChipSim.Scenarios" && t.IsPublic);
        var mutable = new List<string>();
        foreach (var t in scenarioTypes)
        foreach (var p in t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var setter = p.SetMethod;
            if (setter is null || !setter.IsPublic) continue;
            var initOnly = setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));
            if (!initOnly) mutable.Add($"{t.Name}.{p.Name}");
        }
        Assert.True(mutable.Count == 0, "mutable: " + string.Join(", ", mutable));
    }

    [Fact]
    public void The_library_never_touches_the_console_the_clock_or_unseeded_randomness()
    {
        var root = RepoRoot.Find();
        var banned = new[] { "Console.", "DateTime.Now", "DateTime.UtcNow", "DateTimeOffset.Now", "DateTimeOffset.UtcNow", "new Random(", "Random.Shared", "Environment.Exit" };
        var offences = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "src", "Alibaba.ChipSim"), "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")) continue;
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
                foreach (var b in banned)
                    if (lines[i].Contains(b, StringComparison.Ordinal) && !lines[i].TrimStart().StartsWith("//", StringComparison.Ordinal))
                        offences.Add($"{Path.GetRelativePath(root, file)}:{i + 1}: {b}");
        }
        Assert.True(offences.Count == 0, string.Join(Environment.NewLine, offences));
    }
}
