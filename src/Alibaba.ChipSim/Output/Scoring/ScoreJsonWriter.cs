using System.Text;
using System.Text.Json;

namespace Alibaba.ChipSim.Output.Scoring;

/// <summary>
/// <c>chipsim score --json</c>: <c>{ run, trials_file, scenario, trials, weighted, ess, start, actuals, values: [...], events: [...] }</c>,
/// each value <c>{ metric, actual, mean, p1, p50, p99, pit, crps, outside_p1_p99, note }</c>, each event
/// <c>{ event, happened, probability, ess, brier, log_score, note }</c>; numbers in shortest round-trip form, ∞ as "Infinity".
/// </summary>
public static class ScoreJsonWriter
{
    public static string Write(ScoreReport report)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("run", report.RunFolder);
            writer.WriteString("trials_file", report.TrialsFile);
            writer.WriteString("scenario", report.Scenario);
            writer.WriteNumber("trials", report.Trials);
            writer.WriteBoolean("weighted", report.Weighted);
            JsonNumbers.Write(writer, "ess", report.Ess);
            writer.WriteString("start", report.Start?.ToString());
            writer.WriteString("actuals", report.ActualsFile);
            writer.WriteStartArray("values");
            foreach (var v in report.Values)
            {
                writer.WriteStartObject();
                writer.WriteString("metric", v.Metric);
                JsonNumbers.Write(writer, "actual", v.Actual);
                JsonNumbers.Write(writer, "mean", v.Forecast?.Mean);
                JsonNumbers.Write(writer, "p1", v.Forecast?.P1);
                JsonNumbers.Write(writer, "p50", v.Forecast?.P50);
                JsonNumbers.Write(writer, "p99", v.Forecast?.P99);
                JsonNumbers.Write(writer, "pit", v.Pit);
                JsonNumbers.Write(writer, "crps", v.Crps);
                writer.WriteBoolean("outside_p1_p99", v.OutsideP1P99);
                writer.WriteString("note", v.Note);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteStartArray("events");
            foreach (var e in report.Events)
            {
                writer.WriteStartObject();
                writer.WriteString("event", e.Event);
                writer.WriteBoolean("happened", e.Happened);
                JsonNumbers.Write(writer, "probability", e.Probability);
                JsonNumbers.Write(writer, "ess", e.Ess);
                JsonNumbers.Write(writer, "brier", e.Brier);
                JsonNumbers.Write(writer, "log_score", e.LogScore);
                writer.WriteString("note", e.Note);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
