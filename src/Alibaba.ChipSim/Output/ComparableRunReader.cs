using System.Collections.Immutable;
using System.Text.Json;
using Alibaba.ChipSim.Statistics.Comparison;

namespace Alibaba.ChipSim.Output;

/// <summary>
/// Reads a <c>summary.json</c>, a <c>*.snapshot.json</c> or a run folder holding <c>summary.json</c> into a
/// <see cref="ComparableRun"/>. Both files share the shape of docs/outputs.md#summaryjson (a snapshot is a rounded subset), so one reader serves both.
/// </summary>
internal static class ComparableRunReader
{
    public const string SummaryFileName = "summary.json";

    /// <summary>Reads <paramref name="path"/>; throws <see cref="InvalidDataException"/> naming the file (and line) when it is not a summary or snapshot.</summary>
    public static ComparableRun Read(string path)
    {
        var file = Directory.Exists(path) ? Path.Combine(path, SummaryFileName) : path;
        if (!File.Exists(file))
            throw new InvalidDataException(Directory.Exists(path)
                ? $"{path}: no {SummaryFileName} in this folder (expected a run folder written by `chipsim run --out`)"
                : $"{path}: no such file or folder");
        var bytes = Scenarios.InputFile.ReadAllBytes(file, SummaryJsonReader.MaxBytes, out var problem) ?? throw new InvalidDataException(problem);
        return Parse(System.Text.Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF'), file);
    }

    public static ComparableRun Parse(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            // The exception's message quotes the offending text: name the place only.
            throw new InvalidDataException($"{source}:{e.LineNumber + 1}:{e.BytePositionInLine + 1}: not valid JSON", e);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("metrics", out var metrics) || metrics.ValueKind != JsonValueKind.Object)
                throw new InvalidDataException($"{source}: not a chipsim summary or snapshot (no \"metrics\" object)");
            var trials = Long(root, "trials", source, "trials");
            var builder = ImmutableSortedDictionary.CreateBuilder<string, ComparableMetric>(StringComparer.Ordinal);
            foreach (var metric in metrics.EnumerateObject())
            {
                if (metric.Value.ValueKind != JsonValueKind.Object)
                    throw new InvalidDataException($"{source}: metrics.{metric.Name}: expected an object");
                builder[metric.Name] = Metric(metric.Name, metric.Value, trials, source);
            }
            return new ComparableRun(
                source,
                String(root, "scenario"),
                String(root, "scenario_sha256"),
                String(root, "engine"),
                root.TryGetProperty("seed", out var seed) && seed.ValueKind == JsonValueKind.Number && seed.TryGetUInt64(out var s) ? s : null,
                trials,
                builder.ToImmutable());
        }
    }

    private static ComparableMetric Metric(string name, JsonElement m, long? trials, string source)
    {
        var path = "metrics." + name;
        ImmutableSortedDictionary<string, double>? shares = null;
        if (m.TryGetProperty("shares", out var sharesElement))
        {
            if (sharesElement.ValueKind != JsonValueKind.Object)
                throw new InvalidDataException($"{source}: {path}.shares: expected an object of state → share");
            var b = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
            foreach (var share in sharesElement.EnumerateObject())
                b[share.Name] = Double(share.Value, source, $"{path}.shares.{share.Name}")
                    ?? throw new InvalidDataException($"{source}: {path}.shares.{share.Name}: expected a number");
            shares = b.ToImmutable();
        }
        var count = Long(m, "count", source, path + ".count") ?? (shares is not null ? trials : null)
            ?? throw new InvalidDataException($"{source}: {path}: no \"count\"");
        return new ComparableMetric(
            name,
            count,
            Optional(m, "mean", source, path),
            Optional(m, "se", source, path),
            Optional(m, "probability", source, path),
            shares);
    }

    private static double? Optional(JsonElement m, string key, string source, string path) =>
        m.TryGetProperty(key, out var v) ? Double(v, source, path + "." + key) : null;

    private static double? Double(JsonElement v, string source, string path) => v.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.Number => v.GetDouble(),
        _ => throw new InvalidDataException($"{source}: {path}: expected a number or null, got {v.ValueKind.ToString().ToLowerInvariant()}"),
    };

    private static long? Long(JsonElement e, string key, string source, string path)
    {
        if (!e.TryGetProperty(key, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) && d >= 0 && d == Math.Floor(d) && d < 9e15) return (long)d;
        // A number is short enough to show; anything else is named by its kind, not quoted (it may be a long string).
        var got = v.ValueKind == JsonValueKind.Number && v.GetRawText() is { Length: <= 32 } raw ? raw : v.ValueKind.ToString().ToLowerInvariant();
        throw new InvalidDataException($"{source}: {path}: expected a whole number ≥ 0, got {got}");
    }

    private static string? String(JsonElement e, string key) =>
        e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()
        : e.TryGetProperty(key, out v) && v.ValueKind == JsonValueKind.Number ? v.GetRawText()
        : null;
}
