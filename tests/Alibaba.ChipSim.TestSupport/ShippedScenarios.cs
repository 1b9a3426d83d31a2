using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Tests;

/// <summary>The scenario files shipped in <c>scenarios/</c>, for theories that run over every one of them.</summary>
public static class ShippedScenarios
{
    /// <summary>File names (e.g. <c>base.yaml</c>), in ordinal order.</summary>
    public static List<string> Names() =>
        [.. Directory.EnumerateFiles(RepoRoot.Scenarios, "*.yaml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    /// <summary>For <c>[MemberData(nameof(ShippedScenarios.Files), MemberType = typeof(ShippedScenarios))]</c>.</summary>
    public static TheoryData<string> Files() => [.. Names()];

    /// <summary>Loads a shipped scenario by file name, failing the test with every diagnostic if it does not load.</summary>
    public static Scenario Load(string file)
    {
        var result = ScenarioLoader.Load(Path.Combine(RepoRoot.Scenarios, file));
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
        return result.Scenario!;
    }
}
