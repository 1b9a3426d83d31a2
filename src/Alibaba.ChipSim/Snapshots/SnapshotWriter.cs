using Alibaba.ChipSim.Output;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Alibaba.ChipSim.Snapshots;

/// <summary>
/// Turns a <c>summary.json</c> (docs/outputs.md#summaryjson) into <c>SCENARIO.snapshot.json</c>: the same shape, keys sorted, one metric
/// per line, numbers rounded to 4 significant digits, and of each metric only what a reviewer reads and <c>diff</c>
/// needs (count, mean, se, sd, p5, p50, p95; count and probability for 0/1 metrics; shares). A changed figure then shows in a pull request as
/// exactly one changed line.
/// </summary>
internal static class SnapshotWriter
{
    /// <summary>The run identity kept at the top of a snapshot.</summary>
    private static readonly string[] HeaderKeys = ["engine", "scenario", "scenario_sha256", "seed", "trials"];

    /// <summary>The per-metric statistics kept; the others (more percentiles, tails) follow from these or live in summary.json.</summary>
    private static readonly string[] MetricKeys = ["count", "mean", "p5", "p50", "p95", "probability", "sd", "se", "shares"];

    public const string Extension = ".snapshot.json";

    /// <summary>The snapshot beside a scenario file: <c>scenarios/base.yaml</c> → <c>scenarios/base.snapshot.json</c>.</summary>
    public static string PathFor(string scenarioPath) =>
        Path.Combine(Path.GetDirectoryName(scenarioPath) ?? "", Path.GetFileNameWithoutExtension(scenarioPath) + Extension);

    public static string FromSummaryJson(string summaryJson)
    {
        using var document = JsonDocument.Parse(summaryJson);
        return FromSummary(document.RootElement);
    }

    public static string FromSummary(JsonElement summary)
    {
        if (!summary.TryGetProperty("metrics", out var metrics) || metrics.ValueKind != JsonValueKind.Object)
            throw new ArgumentException("A summary has a \"metrics\" object.", nameof(summary));

        var entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in HeaderKeys)
            if (summary.TryGetProperty(key, out var value)) entries[key] = Value(value, key is "seed" or "trials");

        var lines = new List<string>();
        foreach (var metric in metrics.EnumerateObject().OrderBy(m => m.Name, StringComparer.Ordinal))
            lines.Add("    " + Quote(metric.Name) + ": " + Metric(metric.Value));
        entries["metrics"] = lines.Count == 0 ? "{}" : "{\n" + string.Join(",\n", lines) + "\n  }";

        var text = new StringBuilder("{\n");
        var first = true;
        foreach (var (key, value) in entries)
        {
            if (!first) text.Append(",\n");
            text.Append("  ").Append(Quote(key)).Append(": ").Append(value);
            first = false;
        }
        return text.Append("\n}\n").ToString();
    }

    private static string Metric(JsonElement metric)
    {
        var parts = new List<string>();
        // For a 0/1 metric the probability says it all; its percentiles are 0s and 1s.
        var keys = metric.TryGetProperty("probability", out _) ? ["count", "probability"] : MetricKeys;
        foreach (var key in keys)
        {
            if (!metric.TryGetProperty(key, out var value)) continue;
            parts.Add(Quote(key) + ": " + (key == "shares" ? Shares(value) : Value(value, exact: key == "count")));
        }
        return "{" + string.Join(", ", parts) + "}";
    }

    private static string Shares(JsonElement shares)
    {
        var parts = shares.EnumerateObject().OrderBy(s => s.Name, StringComparer.Ordinal)
            .Select(s => Quote(s.Name) + ": " + Value(s.Value, exact: false));
        return "{" + string.Join(", ", parts) + "}";
    }

    private static string Value(JsonElement value, bool exact) => value.ValueKind switch
    {
        JsonValueKind.Number when exact => value.GetRawText(),
        JsonValueKind.Number => SignificantDigits.Format(value.GetDouble()),
        JsonValueKind.Null => "null",
        JsonValueKind.String => Quote(value.GetString()!),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => throw new ArgumentException($"Unexpected {value.ValueKind} in a summary where a scalar belongs."),
    };

    /// <summary>
    /// <paramref name="s"/> as a JSON string, escaped as System.Text.Json's serializer escapes it with the relaxed encoder
    /// (the serializer writes a string through this very writer), without the serializer's reflection, so that the
    /// ahead-of-time compiled CLI writes the same bytes (docs/performance.md, "Native AOT").
    /// </summary>
    private static string Quote(string s)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, QuoteOptions)) writer.WriteStringValue(s);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static readonly JsonWriterOptions QuoteOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
