using System.Collections.Immutable;
using System.Text.Json;
using Alibaba.ChipSim.Statistics;
using Alibaba.ChipSim.Statistics.Convergence;

namespace Alibaba.ChipSim.Output;

/// <summary>
/// <c>convergence</c>: <c>{ metric, target_se, batch_trials, max_trials, converged, trace: [{ trials, count, mean, se }] }</c>,
/// one trace entry per batch, in the order run.
/// </summary>
internal sealed class ConvergenceSection : ISummarySection
{
    public string Key => "convergence";

    public bool IsPresent(RunSummary summary) => summary.Convergence is not null;

    public void Write(Utf8JsonWriter writer, RunSummary summary)
    {
        var c = summary.Convergence!;
        writer.WriteStartObject();
        writer.WriteString("metric", c.Target.Metric);
        writer.WriteNumber("target_se", c.Target.MaxSe);
        writer.WriteNumber("batch_trials", c.BatchTrials);
        writer.WriteNumber("max_trials", c.MaxTrials);
        writer.WriteBoolean("converged", c.Converged);
        writer.WriteStartArray("trace");
        foreach (var p in c.Points)
        {
            writer.WriteStartObject();
            writer.WriteNumber("trials", p.Trials);
            writer.WriteNumber("count", p.Count);
            JsonNumbers.Write(writer, "mean", double.IsNaN(p.Mean) ? null : p.Mean);
            JsonNumbers.Write(writer, "se", double.IsNaN(p.Se) ? null : p.Se);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public RunSummary Read(JsonElement value, RunSummary summary)
    {
        const string path = "convergence";
        try
        {
            var target = new SeTarget(value.GetProperty("metric").GetString()!, value.GetProperty("target_se").GetDouble());
            var points = value.GetProperty("trace").EnumerateArray().Select(p => new ConvergencePoint(
                p.GetProperty("trials").GetInt64(), p.GetProperty("count").GetInt64(),
                JsonNumbers.Read(p, "mean", path) ?? double.NaN, JsonNumbers.Read(p, "se", path) ?? double.NaN)).ToImmutableArray();
            var trace = new ConvergenceTrace(target, value.GetProperty("batch_trials").GetInt32(), value.GetProperty("max_trials").GetInt64(),
                value.GetProperty("converged").GetBoolean(), points);
            return summary with { Convergence = trace };
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{path}: expected metric, target_se, batch_trials, max_trials, converged and a trace of {{ trials, count, mean, se }} ({e.Message}).");
        }
    }
}
