using System.Text.Json.Nodes;

namespace Alibaba.ChipSim.Scenarios.History;

/// <summary>
/// The JSON Schema of <c>history:</c> (shape, months, positive numbers, the two forms of <c>modules</c>); the loader checks
/// the rest against the scenario (actors, states, moves, horizon, reported quarters).
/// </summary>
internal static class HistorySchema
{
    public static JsonObject Of()
    {
        static JsonObject Month() => new() { ["$ref"] = "#/$defs/month" };
        static JsonObject Count() => new() { ["type"] = "integer", ["minimum"] = 0 };
        var entry = new JsonObject
        {
            ["type"] = "object",
            ["description"] = "The actor's state after each month's step, from this month until the next entry or as_of.",
            ["properties"] = new JsonObject { ["from"] = Month(), ["state"] = new JsonObject { ["$ref"] = "#/$defs/name" }, ["description"] = new JsonObject { ["type"] = "string" } },
            ["required"] = new JsonArray("from", "state"),
            ["additionalProperties"] = false,
        };
        var range = new JsonObject
        {
            ["type"] = "object",
            ["description"] = "Modules shipped to China, summed over the months from..to (inclusive): exactly modules, or within [min, max].",
            ["properties"] = new JsonObject
            {
                ["from"] = Month(),
                ["to"] = Month(),
                ["modules"] = new JsonObject
                {
                    ["oneOf"] = new JsonArray(
                        Count(),
                        new JsonObject
                        {
                            ["type"] = "object",
                            ["properties"] = new JsonObject { ["min"] = Count(), ["max"] = Count() },
                            ["required"] = new JsonArray("min", "max"),
                            ["additionalProperties"] = false,
                        }),
                },
                ["description"] = new JsonObject { ["type"] = "string" },
            },
            ["required"] = new JsonArray("from", "to", "modules"),
            ["additionalProperties"] = false,
        };
        return new JsonObject
        {
            ["type"] = "object",
            ["description"] = "What has been observed through as_of: the run pins observed actor states and weighs each trial by the probability of the observations (docs/history.md).",
            ["properties"] = new JsonObject
            {
                ["as_of"] = Month(),
                ["description"] = new JsonObject { ["type"] = "string" },
                ["actors"] = new JsonObject
                {
                    ["type"] = "object",
                    ["description"] = "Observed states by actor; months before an actor's first entry are not observed.",
                    ["additionalProperties"] = new JsonObject { ["type"] = "array", ["items"] = entry, ["minItems"] = 1 },
                },
                ["shipments"] = new JsonObject { ["type"] = "array", ["items"] = range },
                ["revenue"] = new JsonObject
                {
                    ["type"] = "object",
                    ["description"] = "Reported quarters of cloud revenue, CNY bn, with the sd of log(reported / modelled quarter).",
                    ["properties"] = new JsonObject
                    {
                        ["residual_sd"] = new JsonObject { ["type"] = "number", ["exclusiveMinimum"] = 0 },
                        ["quarters"] = new JsonObject
                        {
                            ["type"] = "object",
                            ["patternProperties"] = new JsonObject { ["^(FY|CY)[0-9]{4}Q[1-4]$"] = new JsonObject { ["type"] = "number", ["exclusiveMinimum"] = 0 } },
                            ["additionalProperties"] = false,
                            ["minProperties"] = 1,
                        },
                    },
                    ["required"] = new JsonArray("residual_sd", "quarters"),
                    ["additionalProperties"] = false,
                },
            },
            ["required"] = new JsonArray("as_of"),
            ["additionalProperties"] = false,
        };
    }
}
