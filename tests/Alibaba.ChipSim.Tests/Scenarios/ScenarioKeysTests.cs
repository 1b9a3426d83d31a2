using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Scenarios.Validation;

namespace Alibaba.ChipSim.Tests.Scenarios;

public sealed class ScenarioKeysTests
{
    private static IEnumerable<(string Path, KeySpec Key)> Walk(KeySpec k, string path)
    {
        yield return (path, k);
        foreach (var child in k.Keys)
            foreach (var x in Walk(child, path.Length == 0 ? child.Name : path + "." + child.Name)) yield return x;
        if (k.Item is not null)
            foreach (var x in Walk(k.Item, path + ".*")) yield return x;
    }

    [Fact]
    public void Every_key_of_the_format_has_a_description_for_the_schema()
    {
        var undocumented = Walk(ScenarioKeys.Root, "").Where(x => string.IsNullOrWhiteSpace(x.Key.Description)).Select(x => x.Path).ToList();

        Assert.Empty(undocumented);
    }

    [Fact]
    public void The_plain_parameters_of_the_key_model_are_exactly_those_of_a_loaded_scenario()
    {
        // The example with every optional parameter key set.
        var text = ScenarioTexts.SpecExample.Replace("  supply_cap_modules: 60000\n", "  supply_cap_modules: 60000\n  buyer_cap_chips: 75000\n", StringComparison.Ordinal);
        var scenario = ScenarioLoader.LoadText(text, "x.yaml").Scenario!;

        var fromModel = ScenarioKeys.PlainParameters.Select(p => p.Path).Order();
        var fromScenario = scenario.AllParameters().Select(p => p.Path).Where(p => !p.StartsWith("actors.", StringComparison.Ordinal)).Order();
        Assert.Equal(fromModel, fromScenario);
    }

    [Theory]
    [InlineData("actors.washington.states.licensed.gate")]
    [InlineData("actors.beijing.transitions.under_review->conditional.monthly")]
    public void Gates_and_hazards_are_keyed_by_name_not_list_position(string path)
    {
        var scenario = ScenarioLoader.LoadText(ScenarioTexts.SpecExample, "x.yaml").Scenario!;

        Assert.Contains(path, scenario.AllParameters().Select(p => p.Path));
    }

    [Fact]
    public void An_empty_guard_value_is_reported_at_its_key()
    {
        var text = ScenarioTexts.SpecExample.Replace("when: { washington: licensed }", "when: { washington: }");

        var error = Assert.Single(ScenarioLoader.LoadText(text, "x.yaml").Errors);

        Assert.Equal("actors.beijing.transitions[1].when.washington", error.KeyPath);
        Assert.Equal("has no value; expected a name", error.Message);
        Assert.Equal(ScenarioTexts.LineOf(text, "when: { washington: }"), error.Location.Line);
    }
}
