using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alibaba.ChipSim.Scenarios.Validation;

namespace Alibaba.ChipSim.Scenarios;

/// <summary>
/// The JSON Schema (draft 2020-12) of scenario files, generated from the same key model the
/// validator uses, for editor completion (<c>chipsim schema</c>, <c>scenarios/scenario.schema.json</c>).
/// It checks shape and plain-number domains; the loader checks the rest (supports, actors, dates).
/// </summary>
public static class ScenarioSchema
{
    private const string MonthPattern = "^[0-9]{4}-(0[1-9]|1[0-2])$";

    /// <summary>The schema as indented JSON with "\n" line ends, no trailing newline.</summary>
    public static string Generate()
    {
        // A variant (a file with 'extends') inherits what it leaves out, so nothing but 'extends' is
        // required of it; a complete scenario needs every required key. Same keys, types and domains.
        var variant = Key(ScenarioKeys.Root, complete: false);
        variant["required"] = new JsonArray("extends");
        var complete = Key(ScenarioKeys.Root, complete: true);
        // history: is read by its own reader (checked against the scenario), so its schema is written by hand.
        ((JsonObject)variant["properties"]!)["history"] = History.HistorySchema.Of();
        ((JsonObject)complete["properties"]!)["history"] = History.HistorySchema.Of();
        var schema = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["title"] = "chipsim scenario",
            ["description"] = ScenarioKeys.Root.Description + " A file with 'extends' overrides only the keys it gives.",
            ["type"] = "object",
            ["if"] = new JsonObject { ["required"] = new JsonArray("extends") },
            ["then"] = new JsonObject { ["$ref"] = "#/$defs/variant" },
            ["else"] = new JsonObject { ["$ref"] = "#/$defs/scenario" },
            ["$defs"] = Definitions(complete, variant),
        };
        var options = new JsonSerializerOptions
        {
            WriteIndented = true,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        return schema.ToJsonString(options);
    }

    private static JsonObject Key(KeySpec k, bool complete)
    {
        var o = k.Kind switch
        {
            ValueKind.Section => Section(k, complete),
            ValueKind.NamedEntries => new JsonObject
            {
                ["type"] = "object",
                ["patternProperties"] = new JsonObject { [ScenarioKeys.NamePattern] = Key(k.Item!, complete) },
                ["additionalProperties"] = false,
            },
            ValueKind.List => new JsonObject { ["type"] = "array", ["items"] = Key(k.Item!, complete) },
            ValueKind.Text => new JsonObject { ["type"] = "string" },
            ValueKind.Name => new JsonObject { ["$ref"] = "#/$defs/name" },
            ValueKind.Month => new JsonObject { ["$ref"] = "#/$defs/month" },
            ValueKind.Integer => new JsonObject { ["type"] = "integer" },
            ValueKind.Boolean => new JsonObject { ["type"] = "boolean" },
            ValueKind.Choice => new JsonObject { ["enum"] = new JsonArray([.. k.Choices.Select(c => (JsonNode)c)]) },
            ValueKind.Number => Bounded(new JsonObject { ["type"] = "number" }, k.Domain),
            ValueKind.Parameter => new JsonObject
            {
                ["oneOf"] = new JsonArray(
                    Bounded(new JsonObject { ["type"] = k.WholeNumbers ? "integer" : "number" }, k.Domain),
                    new JsonObject { ["$ref"] = k.WholeNumbers ? "#/$defs/whole-distribution" : "#/$defs/distribution" }),
            },
            _ => throw new ArgumentOutOfRangeException(nameof(k), k.Kind, "a kind without a schema"),
        };
        if (k.Kind == ValueKind.Integer)
        {
            // Integers beyond 2^53 must stay exact: write the bounds as JSON numbers from their digits.
            o["minimum"] = JsonNode.Parse(k.MinInteger.ToString(System.Globalization.CultureInfo.InvariantCulture));
            o["maximum"] = JsonNode.Parse(k.MaxInteger.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        if (k.Pattern is not null) o["pattern"] = k.Pattern;
        if (k.MaxLength > 0) o["maxLength"] = k.MaxLength;
        if (k.MinItems > 0 && k.Kind == ValueKind.List) o["minItems"] = k.MinItems;
        if (k.MinItems > 0 && k.Kind == ValueKind.NamedEntries && complete) o["minProperties"] = k.MinItems; // a variant's map merges
        if (k.MaxItems is { } max) o["maxItems"] = max;
        if (k.Default is not null) o["default"] = k.Default switch
        {
            double d => JsonValue.Create(d),
            bool b => JsonValue.Create(b),
            var other => JsonValue.Create(other.ToString()),
        };
        var description = k.Description + (k.DefaultNote is { } note ? $" Defaults to {note}." : "");
        var result = new JsonObject { ["description"] = description };
        foreach (var (name, value) in o.ToList())
        {
            o.Remove(name);
            result[name] = value;
        }
        return result;
    }

    private static JsonObject Section(KeySpec k, bool complete)
    {
        var properties = new JsonObject();
        foreach (var key in k.Keys) properties[key.Name] = Key(key, complete);
        var o = new JsonObject { ["type"] = "object", ["properties"] = properties };
        var required = k.Keys.Where(key => key.Required).Select(key => (JsonNode)key.Name).ToArray();
        if (complete && required.Length > 0) o["required"] = new JsonArray(required);
        o["additionalProperties"] = false;
        return o;
    }

    private static JsonObject Bounded(JsonObject o, Domain d)
    {
        if (d.HasLower) o[d.LowerOpen ? "exclusiveMinimum" : "minimum"] = d.Lower;
        if (d.HasUpper) o[d.UpperOpen ? "exclusiveMaximum" : "maximum"] = d.Upper;
        // The finite guards, where they are tighter than the domain (e.g. usd_cny > 0 and at least 1e-4).
        if (!double.IsPositiveInfinity(d.Cap) && (!d.HasUpper || d.Cap < d.Upper)) o["maximum"] = d.Cap;
        if (!double.IsNegativeInfinity(d.Floor) && (!d.HasLower || d.Floor > d.Lower)) o["minimum"] = d.Floor;
        return o;
    }

    private static JsonObject Definitions(JsonObject scenario, JsonObject variant)
    {
        var defs = new JsonObject
        {
            ["scenario"] = scenario,
            ["variant"] = variant,
            ["name"] = new JsonObject { ["type"] = "string", ["pattern"] = ScenarioKeys.NamePattern, ["description"] = "A name: lower-case letters, digits and '_', starting with a letter." },
            ["month"] = new JsonObject { ["type"] = "string", ["pattern"] = MonthPattern, ["description"] = "A month, YYYY-MM." },
            ["distribution"] = new JsonObject
            {
                ["description"] = "A distribution, drawn once per trial: { dist: …, … }.",
                ["oneOf"] = new JsonArray([.. DistributionKinds.All.Select(kind => (JsonNode)new JsonObject { ["$ref"] = "#/$defs/" + kind.Name })]),
            },
        };
        foreach (var kind in DistributionKinds.All) defs[kind.Name] = Distribution(kind);

        // Counts and lags take whole numbers only, as the validator requires: a whole constant, uniform-int,
        // bernoulli, or discrete with whole values (a continuous distribution with min = max, which the validator
        // also accepts as a constant, is left out: a schema cannot compare two keys).
        var fixedWhole = Distribution(DistributionKinds.Find("fixed")!);
        fixedWhole["properties"]!["value"]!["type"] = "integer";
        var discreteWhole = Distribution(DistributionKinds.Find("discrete")!);
        discreteWhole["properties"]!["values"]!["items"]!["type"] = "integer";
        defs["fixed-whole"] = fixedWhole;
        defs["discrete-whole"] = discreteWhole;
        defs["whole-distribution"] = new JsonObject
        {
            ["description"] = "A distribution of whole numbers, drawn once per trial: a whole fixed value, uniform-int, bernoulli, or discrete with whole values.",
            ["oneOf"] = new JsonArray(
                new JsonObject { ["$ref"] = "#/$defs/fixed-whole" },
                new JsonObject { ["$ref"] = "#/$defs/uniform-int" },
                new JsonObject { ["$ref"] = "#/$defs/bernoulli" },
                new JsonObject { ["$ref"] = "#/$defs/discrete-whole" }),
        };
        return defs;
    }

    private static JsonObject Distribution(DistributionKind kind)
    {
        var properties = new JsonObject { ["dist"] = new JsonObject { ["const"] = kind.Name } };
        var arguments = kind.Continuous ? kind.Arguments.Add(DistributionKinds.Low).Add(DistributionKinds.High) : kind.Arguments;
        foreach (var a in arguments)
        {
            properties[a.Name] = a.Type switch
            {
                DistributionArgumentType.Integer => new JsonObject { ["type"] = "integer", ["description"] = a.Description },
                DistributionArgumentType.NumberList => new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "number" }, ["minItems"] = 1, ["description"] = a.Description },
                _ => new JsonObject { ["type"] = "number", ["description"] = a.Description },
            };
        }
        var o = new JsonObject { ["description"] = kind.Description, ["type"] = "object", ["properties"] = properties };
        if (kind.RequiredSets.Length == 1)
            o["required"] = new JsonArray([.. kind.RequiredSets[0].Prepend("dist").Select(n => (JsonNode)n)]);
        else
        {
            o["required"] = new JsonArray("dist");
            o["oneOf"] = new JsonArray([.. kind.RequiredSets.Select(set => (JsonNode)new JsonObject { ["required"] = new JsonArray([.. set.Select(n => (JsonNode)n)]) })]);
        }
        o["additionalProperties"] = false;
        return o;
    }
}
