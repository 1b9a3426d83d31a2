using System.Security.Cryptography;
using System.Text;
using Alibaba.ChipSim.Distributions;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Tests.Support;

namespace Alibaba.ChipSim.Tests.Scenarios;

public sealed class ExtendsTests : IDisposable
{
    private readonly TempFolder _dir = new();
    private readonly string _base;

    public ExtendsTests() => _base = _dir.Write("base.yaml", ScenarioTexts.SpecExample);

    public void Dispose() => _dir.Dispose();

    private ScenarioLoadResult LoadChild(string text) => ScenarioLoader.Load(_dir.Write("child.yaml", text));

    [Fact]
    public void A_child_overrides_one_key_and_inherits_the_rest()
    {
        var result = LoadChild("extends: base.yaml\nname: child\nsimulation:\n  trials: 500\n");

        Assert.Empty(result.Diagnostics);
        var s = result.Scenario!;
        Assert.Equal("child", s.Name);
        Assert.Equal(500, s.Simulation.Trials);
        Assert.Equal(20251223UL, s.Simulation.Seed);
        Assert.Equal(2, s.Actors.Length);
    }

    [Fact]
    public void Inherited_values_point_into_the_parent_file_and_overrides_into_the_child()
    {
        var child = _dir.Write("child.yaml", "extends: base.yaml\nname: child\neconomics:\n  usd_cny: 7.2\n");

        var s = ScenarioLoader.Load(child).Scenario!;

        Assert.Equal(new SourceLocation(child, 4, 12), s.Economics.UsdCny.Location);
        var line = ScenarioTexts.LineOf(ScenarioTexts.SpecExample, "price_per_chip_usd:");
        Assert.Equal(new SourceLocation(_base, line, 23), s.Economics.PricePerChipUsd.Location);
    }

    [Fact]
    public void A_list_is_replaced_whole()
    {
        var result = LoadChild("""
            extends: base.yaml
            actors:
              washington:
                transitions:
                  - { from: rescinded, to: licensed, monthly: 0.9 }
            """);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var washington = result.Scenario.Actors.Single(a => a.Name == "washington");
        var t = Assert.Single(washington.Transitions);
        Assert.Equal(new FixedDistribution(0.9), t.Monthly!.Distribution);
        // The other states became unreachable: warnings, not errors.
        Assert.All(result.Diagnostics, d => Assert.Equal(Severity.Warning, d.Severity));
    }

    [Fact]
    public void A_distribution_is_replaced_whole_leaving_none_of_the_parents_arguments()
    {
        var result = LoadChild("extends: base.yaml\nshipments:\n  buyer_share: { dist: uniform, min: 0.1, max: 0.3 }\n");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(new UniformDistribution(0.1, 0.3), result.Scenario!.Shipments.BuyerShare.Distribution);
    }

    [Fact]
    public void A_bare_number_may_replace_a_distribution()
    {
        var result = LoadChild("extends: base.yaml\nshipments:\n  initial_modules: 7000\n");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(new FixedDistribution(7000), result.Scenario!.Shipments.InitialModules.Distribution);
    }

    [Fact]
    public void A_partial_distribution_override_is_an_error_that_shows_the_whole_distribution_to_write()
    {
        var child = _dir.Write("child.yaml", "extends: base.yaml\nshipments:\n  initial_modules: { max: 12000 }\n");

        var result = ScenarioLoader.Load(child);

        Assert.False(result.Succeeded);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(new SourceLocation(child, 3, 20), d.Location);
        Assert.Equal("shipments.initial_modules", d.KeyPath);
        Assert.Contains("write the whole distribution, e.g. { dist: uniform-int, min: 5000, max: 12000 }", d.Message);
        Assert.Contains($"{_base}:{ScenarioTexts.LineOf(ScenarioTexts.SpecExample, "initial_modules:")}:20", d.Message);
    }

    [Fact]
    public void A_cycle_is_reported_with_its_chain()
    {
        var a = _dir.Write("a.yaml", "extends: b.yaml\nname: a\n");
        var b = _dir.Write("b.yaml", "name: b\nextends: a.yaml\n");

        var result = ScenarioLoader.Load(a);

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(new SourceLocation(b, 2, 10), d.Location);
        Assert.Equal($"extends cycle: {a} -> {b} -> {a}", d.Message);
    }

    [Fact]
    public void A_file_that_extends_itself_is_a_cycle()
    {
        var a = _dir.Write("a.yaml", "name: a\nextends: ./a.yaml\n");

        var d = Assert.Single(ScenarioLoader.Load(a).Diagnostics);

        Assert.StartsWith($"extends cycle: {a} -> ", d.Message);
    }

    [Fact]
    public void A_missing_parent_is_reported_at_the_extends_line()
    {
        var child = _dir.Write("child.yaml", "name: c\nextends: nope.yaml\n");

        var d = Assert.Single(ScenarioLoader.Load(child).Diagnostics);

        Assert.Equal($"{child}:2:10: extends: file not found: {Path.Combine(_dir.Path, "nope.yaml")}", d.ToString());
    }

    [Fact]
    public void Parents_are_found_relative_to_the_extending_file()
    {
        _dir.Write("variants/deep.yaml", "extends: ../base.yaml\nname: deep\n");
        var top = _dir.Write("top.yaml", "extends: variants/deep.yaml\nname: top\n");

        var result = ScenarioLoader.Load(top);

        Assert.Empty(result.Diagnostics);
        Assert.Equal([top, Path.Combine(_dir.Path, "variants", "deep.yaml"), _base],
            result.Scenario!.SourceFiles.ToArray());
    }

    [Fact]
    public void The_hash_covers_the_child_then_each_parent()
    {
        const string childText = "extends: base.yaml\nname: child\n";
        var result = LoadChild(childText);

        var bytes = Encoding.UTF8.GetBytes(childText).Concat(File.ReadAllBytes(_base)).ToArray();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), result.Scenario!.Sha256);
        Assert.Equal([Path.Combine(_dir.Path, "child.yaml"), _base], result.Scenario.SourceFiles.ToArray());
    }

    [Fact]
    public void An_error_in_an_inherited_value_is_located_in_the_parent_file()
    {
        var parent = _dir.Write("parent.yaml", ScenarioTexts.SpecExample.Replace("ai_share: 0.2", "ai_share: 1.2"));
        var child = _dir.Write("child.yaml", "extends: parent.yaml\nname: child\n");

        var d = Assert.Single(ScenarioLoader.Load(child).Diagnostics);

        Assert.Equal(new SourceLocation(parent, ScenarioTexts.LineOf(ScenarioTexts.SpecExample, "ai_share:"), 13), d.Location);
        Assert.Equal("revenue.ai_share", d.KeyPath);
    }

    [Fact]
    public void Load_text_resolves_extends_relative_to_the_given_file_name()
    {
        var result = ScenarioLoader.LoadText("extends: base.yaml\nname: inline\n", Path.Combine(_dir.Path, "inline.yaml"));

        Assert.Empty(result.Diagnostics);
        Assert.Equal("inline", result.Scenario!.Name);
    }

    [Fact]
    public void Diagnostics_list_the_extending_file_before_the_file_it_extends()
    {
        _dir.Write("a-parent.yaml", ScenarioTexts.SpecExample.Replace("ai_share: 0.2", "ai_share: 1.2"));
        var child = _dir.Write("z-child.yaml", "extends: a-parent.yaml\nname: child\nsimulation:\n  trials: 0\n");

        var errors = ScenarioLoader.Load(child).Errors.ToList();

        Assert.Equal(["simulation.trials", "revenue.ai_share"], errors.Select(e => e.KeyPath));
        Assert.Equal(child, errors[0].Location.File);
    }
}
