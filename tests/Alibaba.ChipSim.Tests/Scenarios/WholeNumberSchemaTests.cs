using System.Text.RegularExpressions;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Scenarios.Validation;

namespace Alibaba.ChipSim.Tests.Scenarios;

/// <summary>
/// Every whole-number parameter (counts, lags): the JSON Schema accepts and refuses the same values as
/// <c>validate</c>, so an editor flags a <c>pert</c> for <c>initial_modules</c> as the loader does.
/// </summary>
public sealed class WholeNumberSchemaTests
{
    private static List<string> WholeKeys() =>
        [.. ScenarioKeys.PlainParameters.Where(p => p.Spec.WholeNumbers).Select(p => p.Path)];

    [Fact]
    public void The_whole_number_keys_are_the_counts_and_the_lag()
    {
        Assert.Equal(
            ["shipments.initial_modules", "shipments.chips_per_module", "shipments.supply_cap_modules", "shipments.deployment_lag_months",
             "shipments.buyer_cap_chips"],
            WholeKeys());
    }

    private static string With(string path, string value)
    {
        var key = path[(path.IndexOf('.', StringComparison.Ordinal) + 1)..];
        var text = Regex.Replace(ScenarioTexts.SpecExample, $"(?m)^(\\s+){key}: .*$", m => $"{m.Groups[1].Value}{key}: {value}");
        if (text == ScenarioTexts.SpecExample) // an optional key the example leaves out: add it to its section
            text = Regex.Replace(text, $"(?m)^{path[..path.IndexOf('.', StringComparison.Ordinal)]}:\\n", m => $"{m.Value}  {key}: {value}\n");
        Assert.NotEqual(ScenarioTexts.SpecExample, text);
        return text;
    }

    public static TheoryData<string, string, bool> Cases()
    {
        var data = new TheoryData<string, string, bool>();
        (string Value, bool Valid)[] values =
        [
            ("{ dist: pert, min: 1, mode: 2, max: 3 }", false),
            ("{ dist: uniform, min: 1, max: 3 }", false),
            ("{ dist: triangular, min: 1, mode: 2, max: 3 }", false),
            ("{ dist: normal, mean: 2, sd: 1, low: 0 }", false),
            ("2.5", false),
            ("{ dist: fixed, value: 2.5 }", false),
            ("{ dist: discrete, values: [1.5, 2], weights: [1, 1] }", false),
            ("3", true),
            ("{ dist: fixed, value: 3 }", true),
            ("{ dist: uniform-int, min: 1, max: 3 }", true),
            ("{ dist: bernoulli, p: 0.5 }", true),
            ("{ dist: discrete, values: [1, 2, 3], weights: [1, 1, 1] }", true),
        ];
        foreach (var path in WholeKeys())
            foreach (var (value, valid) in values) data.Add(path, value, valid);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_schema_and_the_loader_agree_on_whole_numbers(string path, string value, bool valid)
    {
        var text = With(path, value);

        var loaded = ScenarioLoader.LoadText(text, "x.yaml");
        var schemaErrors = ScenarioSchemaTests.SchemaErrors(text);

        Assert.True(valid == loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        Assert.True(valid == (schemaErrors.Count == 0), string.Join("\n", schemaErrors));
    }
}
