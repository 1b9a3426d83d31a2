using System.Text.Json;
using System.Text.Json.Nodes;
using Alibaba.ChipSim.Scenarios;
using Json.Schema;

namespace Alibaba.ChipSim.Tests.Scenarios;

public sealed class ScenarioSchemaTests
{
    private static readonly string CommittedPath = Path.Combine(RepoRoot.Scenarios, "scenario.schema.json");

    private static readonly Lazy<JsonSchema> Committed = new(() => JsonSchema.FromText(File.ReadAllText(CommittedPath)));

    /// <summary>The schema's complaints about a YAML text, as "instance location: message" lines.</summary>
    public static IReadOnlyList<string> SchemaErrors(string yaml)
    {
        var json = YamlToJson.Convert(yaml)?.ToJsonString() ?? "null";
        using var doc = JsonDocument.Parse(json);
        var results = Committed.Value.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid) return [];
        return [.. (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))];
    }

    [Fact]
    public void The_committed_schema_is_the_generated_one()
    {
        var committed = File.ReadAllText(CommittedPath).ReplaceLineEndings("\n");

        Assert.True(committed == ScenarioSchema.Generate() + "\n",
            "scenarios/scenario.schema.json is stale; run: dotnet run --project src/Alibaba.ChipSim.Cli -- schema > scenarios/scenario.schema.json");
    }

    [Fact]
    public void The_schema_is_draft_2020_12_and_closes_every_section()
    {
        var schema = JsonNode.Parse(ScenarioSchema.Generate())!;

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string)schema["$schema"]!);
        var complete = schema["$defs"]!["scenario"]!;
        Assert.False((bool)complete["additionalProperties"]!);
        Assert.False((bool)complete["properties"]!["shipments"]!["additionalProperties"]!);
        Assert.Equal(["dist", "min", "max"], schema["$defs"]!["uniform-int"]!["required"]!.AsArray().Select(n => (string)n!));
        var share = complete["properties"]!["shipments"]!["properties"]!["buyer_share"]!;
        Assert.False(string.IsNullOrEmpty((string?)share["description"]));
        Assert.Equal(2, share["oneOf"]!.AsArray().Count);
    }

    [Fact]
    public void The_spec_example_is_valid_under_the_schema() =>
        Assert.Empty(SchemaErrors(ScenarioTexts.SpecExample));

    [Fact]
    public void A_variant_that_gives_only_a_few_keys_is_valid_under_the_schema() =>
        Assert.Empty(SchemaErrors("extends: base.yaml\nname: fast\nshipments:\n  initial_modules: { dist: uniform-int, min: 8000, max: 12000 }\n"));

    [Theory]
    [InlineData("quarters: fiscal ", "quarters: fiscl ")]
    [InlineData("  seed: 20251223", "  seed: 20251223\n  seeds: 1")]
    [InlineData("ai_share: 0.2", "ai_share: 1.2")]
    [InlineData("gross_margin: 0.35", "gross_margin: { dist: normal, mean: 0.3 }")]
    [InlineData("{ dist: lognormal, mean: 1.3, sd: 0.3 }", "{ dist: lognormal, mean: 1.3, sd: 0.3, mu: 1, sigma: 1 }")]
    [InlineData("{ dist: beta, alpha: 8, beta: 2 }", "{ dist: betta, alpha: 8, beta: 2 }")]
    [InlineData("start: 2025-12", "start: 2025-13")]
    [InlineData("  usd_cny: 7.05\n", "")]
    [InlineData("chips_per_module: 8", "chips_per_module: 7.5")]
    [InlineData("usd_cny: 7.05", "usd_cny: 1e-9")] // above the domain's 0, below the guard's 1e-4
    [InlineData("name: example", "name: nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn")]
    [InlineData("  washington:\n    description", "  Washington:\n    description")]
    public void The_schema_rejects_what_the_loader_rejects(string from, string to)
    {
        var text = ScenarioTexts.SpecExample.Replace(from, to);
        Assert.NotEqual(ScenarioTexts.SpecExample, text);

        Assert.False(ScenarioLoader.LoadText(text, "x.yaml").Succeeded);
        Assert.NotEmpty(SchemaErrors(text));
    }

    [Fact]
    public void The_schema_command_prints_the_generated_schema()
    {
        var output = new StringWriter();

        var exit = Alibaba.ChipSim.Cli.Commands.SchemaCommand.Run(output);

        Assert.Equal(0, exit);
        Assert.Equal(ScenarioSchema.Generate() + "\n", output.ToString());
    }
}
