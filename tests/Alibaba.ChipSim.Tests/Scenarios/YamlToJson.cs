using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Scenarios.Yaml;

namespace Alibaba.ChipSim.Tests.Scenarios;

/// <summary>
/// YAML → JSON as an editor sees it for schema checks: plain scalars that look like numbers,
/// booleans or null become those; everything else (quoted text, months like 2026-02) is a string.
/// </summary>
public static partial class YamlToJson
{
    public static JsonNode? Convert(string yaml, string file = "test.yaml")
    {
        var diagnostics = new DiagnosticBag();
        var root = YamlTreeReader.Read(yaml, file, diagnostics);
        if (diagnostics.HasErrors) throw new ArgumentException(string.Join("\n", diagnostics.ToSortedArray()));
        return root is null ? null : ToJson(root);
    }

    private static JsonNode? ToJson(YNode node) => node switch
    {
        YMap map => new JsonObject(map.Entries.Select(e => KeyValuePair.Create(e.Name, ToJson(e.Value)))),
        YList list => new JsonArray([.. list.Items.Select(ToJson)]),
        YScalar { IsNull: true } => null,
        YScalar { IsPlain: true, Text: "true" or "True" or "TRUE" } => JsonValue.Create(true),
        YScalar { IsPlain: true, Text: "false" or "False" or "FALSE" } => JsonValue.Create(false),
        YScalar { IsPlain: true } s when Integer().IsMatch(s.Text) => JsonNode.Parse(s.Text.TrimStart('+')),
        YScalar { IsPlain: true } s when Number().IsMatch(s.Text) =>
            JsonValue.Create(double.Parse(s.Text, NumberStyles.Float, CultureInfo.InvariantCulture)),
        YScalar s => JsonValue.Create(s.Text),
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Number();
}
