using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Alibaba.ChipSim.Statistics.Comparison;

namespace Alibaba.ChipSim.Output;

/// <summary>Writes a <see cref="RunComparison"/> as JSON for machines (<c>chipsim diff --json</c>).</summary>
internal static class DiffJsonWriter
{
    public static string Write(RunComparison comparison)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            Side(json, "a", comparison.A);
            Side(json, "b", comparison.B);
            json.WriteString("test", comparison.PairedTrials is null ? "unpaired" : "paired");
            if (comparison.PairedTrials is { } pairedTrials) json.WriteNumber("paired_trials", pairedTrials);
            if (comparison.TestNote is not null) json.WriteString("test_note", comparison.TestNote);
            json.WriteNumber("threshold", comparison.ZThreshold);
            json.WriteBoolean("significant", comparison.AnySignificant);
            json.WriteStartArray("metrics");
            foreach (var m in comparison.Metrics)
            {
                json.WriteStartObject();
                json.WriteString("name", m.Name);
                json.WriteString("kind", m.Kind switch { MetricKind.Probability => "probability", MetricKind.Shares => "shares", _ => "mean" });
                if (m.Kind == MetricKind.Shares)
                {
                    Shares(json, "old", m.OldShares!);
                    Shares(json, "new", m.NewShares!);
                    Number(json, "total_variation", m.Change);
                }
                else
                {
                    Number(json, "old", m.Old);
                    Number(json, "new", m.New);
                    Number(json, "change", m.Change);
                }
                Number(json, m.Kind == MetricKind.Shares ? "tv_over_noise" : "z", m.Statistic);
                json.WriteBoolean("significant", m.Significant);
                if (m.Note is not null) json.WriteString("note", m.Note);
                if (m.Paired is { } paired) Paired(json, paired);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            Names(json, "only_in_a", comparison.OnlyInA);
            Names(json, "only_in_b", comparison.OnlyInB);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>The paired test's figures: pairs, trials changed, mean/sd/se of d = b − a, discordant counts of 0/1 metrics.</summary>
    private static void Paired(Utf8JsonWriter json, PairedStatistics paired)
    {
        json.WriteStartObject("paired");
        json.WriteNumber("pairs", paired.Pairs);
        json.WriteNumber("changed", paired.Changed);
        Number(json, "mean_difference", paired.Pairs > 0 ? paired.MeanDifference : null);
        Number(json, "sd_difference", paired.SdDifference);
        Number(json, "se_difference", paired.SeDifference);
        if (paired.Up is { } up) json.WriteNumber("up", up);
        if (paired.Down is { } down) json.WriteNumber("down", down);
        json.WriteEndObject();
    }

    private static void Side(Utf8JsonWriter json, string name, ComparableRun run)
    {
        json.WriteStartObject(name);
        json.WriteString("source", run.Source);
        json.WriteString("scenario", run.Scenario);
        json.WriteString("scenario_sha256", run.ScenarioSha256);
        json.WriteString("engine", run.Engine);
        if (run.Seed is { } seed) json.WriteNumber("seed", seed); else json.WriteNull("seed");
        if (run.Trials is { } trials) json.WriteNumber("trials", trials); else json.WriteNull("trials");
        json.WriteEndObject();
    }

    /// <summary>Infinite z-scores (a constant metric that moved) are written as null: JSON has no infinity.</summary>
    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v)) json.WriteNumber(name, v);
        else json.WriteNull(name);
    }

    private static void Shares(Utf8JsonWriter json, string name, IEnumerable<KeyValuePair<string, double>> shares)
    {
        json.WriteStartObject(name);
        foreach (var (state, share) in shares) json.WriteNumber(state, share);
        json.WriteEndObject();
    }

    private static void Names(Utf8JsonWriter json, string name, IEnumerable<string> names)
    {
        json.WriteStartArray(name);
        foreach (var n in names) json.WriteStringValue(n);
        json.WriteEndArray();
    }
}
