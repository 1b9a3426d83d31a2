using System.Collections.Immutable;
using System.Text.Json;
using Alibaba.ChipSim.Statistics;

namespace Alibaba.ChipSim.Output;

/// <summary><c>metrics</c>: name → statistics (docs/outputs.md#summaryjson), or name → <c>{ "shares": { state: share } }</c> for actors' final states.</summary>
internal sealed class MetricsSection : ISummarySection
{
    public string Key => "metrics";

    public bool IsPresent(RunSummary summary) => true;

    public void Write(Utf8JsonWriter writer, RunSummary summary)
    {
        writer.WriteStartObject();
        foreach (var entry in summary.Metrics)
        {
            writer.WritePropertyName(entry.Name);
            switch (entry)
            {
                case MetricSummary m:
                    WriteSummary(writer, m);
                    break;
                case StateShares s:
                    WriteShares(writer, s);
                    break;
                default:
                    throw new InvalidOperationException($"No JSON form for {entry.GetType().Name}.");
            }
        }
        writer.WriteEndObject();
    }

    public RunSummary Read(JsonElement value, RunSummary summary)
    {
        if (value.ValueKind != JsonValueKind.Object) throw new InvalidDataException("metrics: expected an object.");
        var entries = ImmutableArray.CreateBuilder<MetricEntry>();
        foreach (var p in value.EnumerateObject())
        {
            var path = "metrics." + p.Name;
            if (p.Value.ValueKind != JsonValueKind.Object) throw new InvalidDataException($"{path}: expected an object.");
            entries.Add(p.Value.TryGetProperty("shares", out var shares) ? ReadShares(p.Name, shares, path) : ReadSummary(p.Name, p.Value, path));
        }
        return summary with { Metrics = entries.ToImmutable() };
    }

    private static void WriteSummary(Utf8JsonWriter w, MetricSummary m)
    {
        w.WriteStartObject();
        w.WriteNumber("count", m.Count);
        if (m.Count > 0)
        {
            JsonNumbers.Write(w, "mean", m.Mean);
            JsonNumbers.Write(w, "sd", m.Sd);
            JsonNumbers.Write(w, "se", m.Se);
            if (m.Ess is not null) JsonNumbers.Write(w, "ess", m.Ess);
            JsonNumbers.Write(w, "min", m.Min);
            JsonNumbers.Write(w, "max", m.Max);
            foreach (var level in MetricSummary.PercentileLevels) JsonNumbers.Write(w, "p" + level, m.Percentile(level));
            JsonNumbers.Write(w, "var5", m.Var5);
            JsonNumbers.Write(w, "cvar5", m.Cvar5);
            JsonNumbers.Write(w, "var95", m.Var95);
            JsonNumbers.Write(w, "cvar95", m.Cvar95);
            if (m.Probability is not null)
            {
                JsonNumbers.Write(w, "probability", m.Probability);
                w.WritePropertyName("ci95");
                if (m.Ci95 is { } ci)
                {
                    w.WriteStartArray();
                    JsonNumbers.Write(w, ci.Low);
                    JsonNumbers.Write(w, ci.High);
                    w.WriteEndArray();
                }
                else
                {
                    w.WriteNullValue();
                }
            }
        }
        w.WriteEndObject();
    }

    private static MetricSummary ReadSummary(string name, JsonElement o, string path)
    {
        if (!o.TryGetProperty("count", out var countValue) || !countValue.TryGetInt64(out var count) || count < 0)
        {
            throw new InvalidDataException($"{path}.count: expected a whole number ≥ 0.");
        }
        double? P(int level) => JsonNumbers.Read(o, "p" + level, path);
        ProportionInterval? ci = null;
        if (o.TryGetProperty("ci95", out var ciValue) && ciValue.ValueKind != JsonValueKind.Null)
        {
            if (ciValue.ValueKind != JsonValueKind.Array || ciValue.GetArrayLength() != 2
                || JsonNumbers.Read(ciValue[0], path + ".ci95[0]") is not { } low || JsonNumbers.Read(ciValue[1], path + ".ci95[1]") is not { } high)
            {
                throw new InvalidDataException($"{path}.ci95: expected [low, high].");
            }
            ci = new ProportionInterval(low, high);
        }
        return new MetricSummary(
            name, count,
            JsonNumbers.Read(o, "mean", path), JsonNumbers.Read(o, "sd", path), JsonNumbers.Read(o, "se", path),
            JsonNumbers.Read(o, "min", path), JsonNumbers.Read(o, "max", path),
            P(1), P(5), P(10), P(25), P(50), P(75), P(90), P(95), P(99),
            JsonNumbers.Read(o, "var5", path), JsonNumbers.Read(o, "cvar5", path),
            JsonNumbers.Read(o, "var95", path), JsonNumbers.Read(o, "cvar95", path),
            JsonNumbers.Read(o, "probability", path), ci) { Ess = JsonNumbers.Read(o, "ess", path) };
    }

    private static void WriteShares(Utf8JsonWriter w, StateShares s)
    {
        w.WriteStartObject();
        w.WritePropertyName("shares");
        w.WriteStartObject();
        for (var i = 0; i < s.States.Length; i++) JsonNumbers.Write(w, s.States[i], s.Shares[i]);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static StateShares ReadShares(string name, JsonElement shares, string path)
    {
        if (shares.ValueKind != JsonValueKind.Object) throw new InvalidDataException($"{path}.shares: expected an object.");
        var states = ImmutableArray.CreateBuilder<string>();
        var values = ImmutableArray.CreateBuilder<double>();
        foreach (var p in shares.EnumerateObject())
        {
            states.Add(p.Name);
            values.Add(JsonNumbers.Read(p.Value, $"{path}.shares.{p.Name}")
                ?? throw new InvalidDataException($"{path}.shares.{p.Name}: expected a number."));
        }
        return new StateShares(name, states.ToImmutable(), values.ToImmutable());
    }
}
