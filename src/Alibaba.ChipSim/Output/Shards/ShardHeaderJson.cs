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
            if (h.History is { } history)
            {
                // Only a run conditioned on history has the key: other shards' headers are as before.
                w.WriteStartObject("history");
                w.WriteNumber("observations", history.Observations);
                if (history.File is null) w.WriteNull("file");
                else w.WriteString("file", history.File);
                if (history.Sha256 is null) w.WriteNull("sha256");
                else w.WriteString("sha256", history.Sha256);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// The header, or null with the reason when the JSON is not a shard header: the key that is missing, has the wrong
    /// type or a value no shard has (e.g. <c>its header's 'numeric[2].kind' is not f64</c>), never an exception's name.
    /// </summary>
    public static ShardHeader? Parse(ReadOnlySpan<byte> utf8, out string? error)
    {
        error = null;
        try
        {
            using var doc = JsonDocument.Parse(utf8.ToArray());
            var r = doc.RootElement;
            if (r.ValueKind != JsonValueKind.Object) throw new HeaderProblem($"its header is {Describe(r)}, not a JSON object");
            var numeric = ImmutableArray.CreateBuilder<ShardNumericColumn>();
            foreach (var (c, at) in Objects(r, "numeric"))
            {
                Kind(c, at, "f64");
                numeric.Add(new ShardNumericColumn(Text(c, "name", at), Flag(c, "binary", at), Flag(c, "whole", at)));
            }
            var categorical = ImmutableArray.CreateBuilder<ShardCategoricalColumn>();
            foreach (var (c, at) in Objects(r, "categorical"))
            {
                Kind(c, at, "u8");
                var name = Text(c, "name", at);
                var categories = Strings(c, "categories", at);
                if (categories.Length is 0 or > 256)
                    throw new HeaderProblem($"its header's '{at}categories' holds {categories.Length} categories; a final state column has 1 to 256 (one byte per trial)");
                categorical.Add(new ShardCategoricalColumn(name, categories));
            }
            var quarterly = ImmutableArray.CreateBuilder<ShardQuarterColumns>();
            foreach (var (c, at) in Objects(r, "quarterly"))
            {
                Kind(c, at, "f64");
                quarterly.Add(new ShardQuarterColumns(Text(c, "metric", at), Strings(c, "quarters", at)));
            }
            var occupancy = ImmutableArray.CreateBuilder<ShardOccupancy>();
            foreach (var (c, at) in Objects(r, "occupancy"))
            {
                Kind(c, at, "i64");
                var actor = Text(c, "actor", at);
                var states = Strings(c, "states", at);
                if (states.Length == 0) throw new HeaderProblem($"its header's '{at}states' is empty (an actor has at least one state)");
                var start = Text(c, "start", at);
                if (!Scenarios.Month.TryParse(start, out _)) throw new HeaderProblem($"its header's '{at}start' is not a month in the form YYYY-MM");
                var months = (int)Whole(c, "months", at, 0, int.MaxValue);
                occupancy.Add(new ShardOccupancy(actor, states, start, months));
            }
            var file = Get(r, "scenario_file", "");
            if (file.ValueKind is not (JsonValueKind.Null or JsonValueKind.String))
                throw new HeaderProblem($"its header's 'scenario_file' is {Describe(file)}, not a string or null");
            var seed = Get(r, "seed", "");
            if (seed.ValueKind != JsonValueKind.Number) throw new HeaderProblem($"its header's 'seed' is {Describe(seed)}, not a whole number");
            if (!seed.TryGetUInt64(out var seedValue)) throw new HeaderProblem($"its header's 'seed' is not a whole number from 0 to {ulong.MaxValue}");
            ShardHistory? history = null;
            if (r.TryGetProperty("history", out var h))
            {
                if (h.ValueKind != JsonValueKind.Object) throw new HeaderProblem($"its header's 'history' is {Describe(h)}, not an object");
                var observations = (int)Whole(h, "observations", "history.", 0, 1 << 20);
                string? OptionalText(string key)
                {
                    var v = Get(h, key, "history.");
                    return v.ValueKind switch
                    {
                        JsonValueKind.Null => null,
                        JsonValueKind.String => v.GetString(),
                        _ => throw new HeaderProblem($"its header's 'history.{key}' is {Describe(v)}, not a string or null"),
                    };
                }
                var historyFile = OptionalText("file");
                var historySha = OptionalText("sha256");
                if ((historyFile is null) != (historySha is null))
                    throw new HeaderProblem("its header's 'history' names a file without its sha256 (or a sha256 without its file)");
                if (historyFile is not null && (historyFile.Length == 0 || historyFile != Path.GetFileName(historyFile) || historyFile is "." or ".."))
                    throw new HeaderProblem("its header's 'history.file' is not a plain file name");
                history = new ShardHistory(observations, historyFile, historySha);
            }
            // The slice's numbers are checked against each other by the merge, which says which slice they fail to be.
            return new ShardHeader(
                (int)Whole(r, "format", "", 0, int.MaxValue), Text(r, "engine", ""), Text(r, "scenario", ""),
                Text(r, "scenario_sha256", ""), file.ValueKind == JsonValueKind.Null ? null : file.GetString(), seedValue,
                Whole(r, "trials", "", long.MinValue, long.MaxValue), (int)Whole(r, "shards", "", int.MinValue, int.MaxValue),
                (int)Whole(r, "shard", "", int.MinValue, int.MaxValue), Whole(r, "first_trial", "", long.MinValue, long.MaxValue),
                Whole(r, "count", "", long.MinValue, long.MaxValue),
                numeric.ToImmutable(), categorical.ToImmutable(), quarterly.ToImmutable(), occupancy.ToImmutable(), history);
        }
        catch (JsonException e)
        {
            error = $"its header is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})";
            return null;
        }
        catch (HeaderProblem e)
        {
            error = e.Message;
            return null;
        }
    }

    /// <summary>What is wrong with a header, for <see cref="Parse"/>'s message.</summary>
    private sealed class HeaderProblem(string message) : Exception(message);

    private static JsonElement Get(JsonElement o, string key, string at) =>
        o.TryGetProperty(key, out var v) ? v : throw new HeaderProblem($"its header has no '{at}{key}'");

    private static string Text(JsonElement o, string key, string at) =>
        Get(o, key, at) is { ValueKind: JsonValueKind.String } v ? v.GetString()! : throw new HeaderProblem($"its header's '{at}{key}' is {Describe(o.GetProperty(key))}, not a string");

    private static bool Flag(JsonElement o, string key, string at) =>
        Get(o, key, at).ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new HeaderProblem($"its header's '{at}{key}' is {Describe(o.GetProperty(key))}, not true or false"),
        };

    private static long Whole(JsonElement o, string key, string at, long min, long max)
    {
        var v = Get(o, key, at);
        if (v.ValueKind != JsonValueKind.Number) throw new HeaderProblem($"its header's '{at}{key}' is {Describe(v)}, not a whole number");
        if (!v.TryGetInt64(out var n)) throw new HeaderProblem($"its header's '{at}{key}' is not a whole number (or too large)");
        if (n < min || n > max) throw new HeaderProblem($"its header's '{at}{key}' is {n}, not from {min} to {max}");
        return n;
    }

    private static void Kind(JsonElement o, string at, string kind)
    {
        if (Text(o, "kind", at) != kind) throw new HeaderProblem($"its header's '{at}kind' is not {kind}, the only kind of such a column this chipsim reads");
    }

    /// <summary>The objects of the array <paramref name="key"/>, each with its path for messages (<c>numeric[2].</c>).</summary>
    private static List<(JsonElement Item, string At)> Objects(JsonElement o, string key)
    {
        var a = Get(o, key, "");
        if (a.ValueKind != JsonValueKind.Array) throw new HeaderProblem($"its header's '{key}' is {Describe(a)}, not an array");
        var items = new List<(JsonElement, string)>();
        var i = 0;
        foreach (var item in a.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object) throw new HeaderProblem($"its header's '{key}[{i}]' is {Describe(item)}, not an object");
            items.Add((item, $"{key}[{i++}]."));
        }
        return items;
    }

    private static ImmutableArray<string> Strings(JsonElement o, string key, string at)
    {
        var a = Get(o, key, at);
        if (a.ValueKind != JsonValueKind.Array) throw new HeaderProblem($"its header's '{at}{key}' is {Describe(a)}, not an array of strings");
        var b = ImmutableArray.CreateBuilder<string>();
        var i = 0;
        foreach (var v in a.EnumerateArray())
        {
            if (v.ValueKind != JsonValueKind.String) throw new HeaderProblem($"its header's '{at}{key}[{i}]' is {Describe(v)}, not a string");
            b.Add(v.GetString()!);
            i++;
        }
        return b.ToImmutable();
    }

    private static string Describe(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        _ => "null",
    };

    private static void Strings(Utf8JsonWriter w, string name, ImmutableArray<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }
}
