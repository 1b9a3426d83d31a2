using System.Collections.Immutable;
using System.Text.Json;

namespace Alibaba.ChipSim.Output.Shards;

/// <summary>The header of a shard file as JSON (readable with any tool: it is the UTF-8 text after the first 16 bytes).</summary>
internal static class ShardHeaderJson
{
    public static byte[] ToUtf8(ShardHeader h)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            w.WriteStartObject();
            w.WriteNumber("format", h.FormatVersion);
            w.WriteString("engine", h.Engine);
            w.WriteString("scenario", h.Scenario);
            w.WriteString("scenario_sha256", h.ScenarioSha256);
            if (h.ScenarioFile is null) w.WriteNull("scenario_file");
            else w.WriteString("scenario_file", h.ScenarioFile);
            w.WriteNumber("seed", h.Seed);
            w.WriteNumber("trials", h.Trials);
            w.WriteNumber("shards", h.Shards);
            w.WriteNumber("shard", h.Shard);
            w.WriteNumber("first_trial", h.FirstTrial);
            w.WriteNumber("count", h.Count);
            w.WriteStartArray("numeric");
            foreach (var c in h.Numeric)
            {
                w.WriteStartObject();
                w.WriteString("name", c.Name);
                w.WriteString("kind", "f64");
                w.WriteBoolean("binary", c.IsBinary);
                w.WriteBoolean("whole", c.IsWholeNumber);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("categorical");
            foreach (var c in h.Categorical)
            {
                w.WriteStartObject();
                w.WriteString("name", c.Name);
                w.WriteString("kind", "u8");
                Strings(w, "categories", c.Categories);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("quarterly");
            foreach (var c in h.Quarterly)
            {
                w.WriteStartObject();
                w.WriteString("metric", c.Metric);
                w.WriteString("kind", "f64");
                Strings(w, "quarters", c.Quarters);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("occupancy");
            foreach (var c in h.Occupancy)
            {
                w.WriteStartObject();
                w.WriteString("actor", c.Actor);
                w.WriteString("kind", "i64");
                Strings(w, "states", c.States);
                w.WriteString("start", c.Start);
                w.WriteNumber("months", c.Months);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>The header, or null with the reason when the JSON is not a shard header.</summary>
    public static ShardHeader? Parse(ReadOnlySpan<byte> utf8, out string? error)
    {
        error = null;
        try
        {
            using var doc = JsonDocument.Parse(utf8.ToArray());
            var r = doc.RootElement;
            var numeric = ImmutableArray.CreateBuilder<ShardNumericColumn>();
            foreach (var c in r.GetProperty("numeric").EnumerateArray())
                numeric.Add(new ShardNumericColumn(c.GetProperty("name").GetString()!, c.GetProperty("binary").GetBoolean(), c.GetProperty("whole").GetBoolean()));
            var categorical = ImmutableArray.CreateBuilder<ShardCategoricalColumn>();
            foreach (var c in r.GetProperty("categorical").EnumerateArray())
                categorical.Add(new ShardCategoricalColumn(c.GetProperty("name").GetString()!, Strings(c.GetProperty("categories"))));
            var quarterly = ImmutableArray.CreateBuilder<ShardQuarterColumns>();
            foreach (var c in r.GetProperty("quarterly").EnumerateArray())
                quarterly.Add(new ShardQuarterColumns(c.GetProperty("metric").GetString()!, Strings(c.GetProperty("quarters"))));
            var occupancy = ImmutableArray.CreateBuilder<ShardOccupancy>();
            foreach (var c in r.GetProperty("occupancy").EnumerateArray())
                occupancy.Add(new ShardOccupancy(c.GetProperty("actor").GetString()!, Strings(c.GetProperty("states")),
                    c.GetProperty("start").GetString()!, c.GetProperty("months").GetInt32()));
            var file = r.GetProperty("scenario_file");
            return new ShardHeader(
                r.GetProperty("format").GetInt32(), r.GetProperty("engine").GetString()!, r.GetProperty("scenario").GetString()!,
                r.GetProperty("scenario_sha256").GetString()!, file.ValueKind == JsonValueKind.Null ? null : file.GetString(),
                r.GetProperty("seed").GetUInt64(), r.GetProperty("trials").GetInt64(), r.GetProperty("shards").GetInt32(),
                r.GetProperty("shard").GetInt32(), r.GetProperty("first_trial").GetInt64(), r.GetProperty("count").GetInt64(),
                numeric.ToImmutable(), categorical.ToImmutable(), quarterly.ToImmutable(), occupancy.ToImmutable());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            error = "its header is not a shard header (" + e.GetType().Name + ")";
            return null;
        }
    }

    private static void Strings(Utf8JsonWriter w, string name, ImmutableArray<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    private static ImmutableArray<string> Strings(JsonElement e)
    {
        var b = ImmutableArray.CreateBuilder<string>();
        foreach (var v in e.EnumerateArray()) b.Add(v.GetString()!);
        return b.ToImmutable();
    }
}
