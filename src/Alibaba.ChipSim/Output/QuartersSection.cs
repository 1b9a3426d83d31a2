using System.Collections.Immutable;
using System.Text.Json;
using Alibaba.ChipSim.Statistics;

namespace Alibaba.ChipSim.Output;

/// <summary><c>quarters</c>: quarter → metric → <c>{ count, mean, sd, p5, p25, p50, p75, p95 }</c>, quarters in time order.</summary>
internal sealed class QuartersSection : ISummarySection
{
    public string Key => "quarters";

    public bool IsPresent(RunSummary summary) => !summary.Quarters.IsDefaultOrEmpty;

    public void Write(Utf8JsonWriter writer, RunSummary summary)
    {
        writer.WriteStartObject();
        foreach (var quarter in summary.Quarters.GroupBy(q => q.Quarter))
        {
            writer.WriteStartObject(quarter.Key);
            foreach (var q in quarter)
            {
                writer.WriteStartObject(q.Metric);
                writer.WriteNumber("count", q.Count);
                JsonNumbers.Write(writer, "mean", q.Mean);
                JsonNumbers.Write(writer, "sd", q.Sd);
                JsonNumbers.Write(writer, "p5", q.P5);
                JsonNumbers.Write(writer, "p25", q.P25);
                JsonNumbers.Write(writer, "p50", q.P50);
                JsonNumbers.Write(writer, "p75", q.P75);
                JsonNumbers.Write(writer, "p95", q.P95);
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    public RunSummary Read(JsonElement value, RunSummary summary)
    {
        if (value.ValueKind != JsonValueKind.Object) throw new InvalidDataException("quarters: expected an object.");
        var rows = ImmutableArray.CreateBuilder<QuarterSummary>();
        foreach (var quarter in value.EnumerateObject())
        {
            if (quarter.Value.ValueKind != JsonValueKind.Object) throw new InvalidDataException($"quarters.{quarter.Name}: expected an object.");
            foreach (var metric in quarter.Value.EnumerateObject())
            {
                var path = $"quarters.{quarter.Name}.{metric.Name}";
                var o = metric.Value;
                if (o.ValueKind != JsonValueKind.Object || !o.TryGetProperty("count", out var c) || !c.TryGetInt64(out var count))
                {
                    throw new InvalidDataException($"{path}: expected an object with a whole-number count.");
                }
                rows.Add(new QuarterSummary(
                    quarter.Name, metric.Name, count,
                    JsonNumbers.Read(o, "mean", path), JsonNumbers.Read(o, "sd", path),
                    JsonNumbers.Read(o, "p5", path), JsonNumbers.Read(o, "p25", path), JsonNumbers.Read(o, "p50", path),
                    JsonNumbers.Read(o, "p75", path), JsonNumbers.Read(o, "p95", path)));
            }
        }
        return summary with { Quarters = rows.ToImmutable() };
    }
}
