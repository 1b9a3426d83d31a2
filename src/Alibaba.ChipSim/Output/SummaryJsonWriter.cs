using System.Text;
using System.Text.Json;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Statistics;

namespace Alibaba.ChipSim.Output;

/// <summary>
/// <c>summary.json</c> (docs/outputs.md#summaryjson): the header keys (<c>scenario</c>, <c>scenario_sha256</c>, <c>seed</c>, <c>trials</c>,
/// <c>engine</c>) then each of <see cref="SummarySections.All"/>, in a fixed order, indented, LF line ends. Doubles are
/// written in shortest round-trip form, so <see cref="SummaryJsonReader"/> gets them back bit for bit.
/// </summary>
public sealed class SummaryJsonWriter : IRunFileWriter
{
    public string FileName => "summary.json";

    public OutputFormats Format => OutputFormats.Json;

    void IRunFileWriter.Write(Stream stream, SimulationResult result, RunSummary summary, CancellationToken cancellationToken) =>
        Write(stream, summary);

    public static void Write(Stream stream, RunSummary summary)
    {
        var options = new JsonWriterOptions { Indented = true, NewLine = "\n" };
        using (var writer = new Utf8JsonWriter(stream, options))
        {
            writer.WriteStartObject();
            writer.WriteString("scenario", summary.Scenario);
            writer.WriteString("scenario_sha256", summary.ScenarioSha256);
            writer.WriteNumber("seed", summary.Seed);
            writer.WriteNumber("trials", summary.Trials);
            writer.WriteString("engine", summary.Engine);
            foreach (var section in SummarySections.All)
            {
                if (!section.IsPresent(summary)) continue;
                writer.WritePropertyName(section.Key);
                section.Write(writer, summary);
            }
            writer.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
    }

    /// <summary>The JSON text of <paramref name="summary"/>.</summary>
    public static string ToJson(RunSummary summary)
    {
        using var stream = new MemoryStream();
        Write(stream, summary);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
