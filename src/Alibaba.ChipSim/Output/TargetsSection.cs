using System.Collections.Immutable;
using System.Text.Json;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Statistics;

namespace Alibaba.ChipSim.Output;

/// <summary>
/// <c>targets</c>: <c>[{ metric, op ("&lt;" or "&gt;"), threshold, description?, probability, ci95: [low, high], count }]</c>,
/// in the order given (the scenario's <c>targets:</c>, then <c>--target</c>); probability and ci95 are null when count is 0.
/// </summary>
internal sealed class TargetsSection : ISummarySection
{
    public string Key => "targets";

    public bool IsPresent(RunSummary summary) => !summary.Targets.IsDefaultOrEmpty;

    public void Write(Utf8JsonWriter writer, RunSummary summary)
    {
        writer.WriteStartArray();
        foreach (var t in summary.Targets)
        {
            writer.WriteStartObject();
            writer.WriteString("metric", t.Target.Metric);
            writer.WriteString("op", t.Target.Operator);
            JsonNumbers.Write(writer, "threshold", t.Target.Threshold);
            if (t.Target.Description is { } d) writer.WriteString("description", d);
            JsonNumbers.Write(writer, "probability", t.Probability);
            writer.WritePropertyName("ci95");
            if (t.Ci95 is { } ci)
            {
                writer.WriteStartArray();
                JsonNumbers.Write(writer, ci.Low);
                JsonNumbers.Write(writer, ci.High);
                writer.WriteEndArray();
            }
            else
            {
                writer.WriteNullValue();
            }
            writer.WriteNumber("count", t.Count);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    public RunSummary Read(JsonElement value, RunSummary summary)
    {
        if (value.ValueKind != JsonValueKind.Array) throw new InvalidDataException("targets: expected an array.");
        var list = ImmutableArray.CreateBuilder<TargetResult>();
        var i = 0;
        foreach (var o in value.EnumerateArray())
        {
            var path = $"targets[{i++}]";
            if (o.ValueKind != JsonValueKind.Object
                || !o.TryGetProperty("metric", out var metric) || metric.ValueKind != JsonValueKind.String
                || !o.TryGetProperty("op", out var op) || op.GetString() is not ("<" or ">")
                || JsonNumbers.Read(o, "threshold", path) is not { } threshold
                || !o.TryGetProperty("count", out var countValue) || !countValue.TryGetInt64(out var count))
            {
                throw new InvalidDataException($"{path}: expected {{ metric, op: \"<\" or \">\", threshold, probability, ci95, count }}.");
            }
            ProportionInterval? ci = null;
            if (o.TryGetProperty("ci95", out var c) && c.ValueKind == JsonValueKind.Array && c.GetArrayLength() == 2
                && JsonNumbers.Read(c[0], path + ".ci95[0]") is { } low && JsonNumbers.Read(c[1], path + ".ci95[1]") is { } high)
            {
                ci = new ProportionInterval(low, high);
            }
            var description = o.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
            var spec = new TargetSpec(metric.GetString()!, op.GetString() == "<", threshold, description, SourceLocation.None("summary.json"));
            list.Add(new TargetResult(spec, count, JsonNumbers.Read(o, "probability", path), ci));
        }
        return summary with { Targets = list.ToImmutable() };
    }
}
