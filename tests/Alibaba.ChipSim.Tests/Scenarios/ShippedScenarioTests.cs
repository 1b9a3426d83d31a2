using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Tests.Scenarios;

/// <summary>The scenarios shipped in <c>scenarios/</c>: they load, match the schema, and the embedded base is the file.</summary>
public sealed class ShippedScenarioTests
{
    private static List<string> Names() => ShippedScenarios.Names();

    public static TheoryData<string> Files() => ShippedScenarios.Files();

    [Fact]
    public void There_are_shipped_scenarios_including_base() =>
        Assert.Contains("base.yaml", Names());

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_shipped_scenario_loads_without_errors(string name)
    {
        var result = ScenarioLoader.Load(Path.Combine(RepoRoot.Scenarios, name));

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_shipped_scenario_is_valid_under_the_committed_schema(string name)
    {
        var errors = ScenarioSchemaTests.SchemaErrors(File.ReadAllText(Path.Combine(RepoRoot.Scenarios, name)));

        Assert.True(errors.Count == 0, name + ":\n" + string.Join("\n", errors));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_shipped_scenario_points_editors_at_the_schema(string name)
    {
        var first = File.ReadLines(Path.Combine(RepoRoot.Scenarios, name)).First();

        Assert.Equal("# yaml-language-server: $schema=./scenario.schema.json", first);
    }

    [Fact]
    public void The_embedded_base_is_the_shipped_base_file_byte_for_byte()
    {
        var embedded = ScenarioLoader.LoadEmbeddedBase();
        var file = ScenarioLoader.Load(Path.Combine(RepoRoot.Scenarios, "base.yaml"));

        Assert.True(embedded.Succeeded, string.Join("\n", embedded.Diagnostics));
        Assert.Equal(file.Scenario!.Sha256, embedded.Scenario.Sha256);
        Assert.Equal(file.Scenario.Name, embedded.Scenario.Name);
        Assert.Equal(["base.yaml"], embedded.Scenario.SourceFiles.ToArray());
    }
}
