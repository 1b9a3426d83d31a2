using System.Text.Json;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Statistics;

namespace Alibaba.ChipSim.Output;

/// <summary>
/// <c>history</c>: <c>{ as_of: "YYYY-MM", trials_with_weight, ess, log_evidence }</c>, and <c>file</c> and <c>sha256</c> when the
/// history came from <c>--history FILE</c>; present only in a run conditioned on history.
/// </summary>
internal sealed class HistorySection : ISummarySection
{
    public string Key => "history";

    public bool IsPresent(RunSummary summary) => summary.History is not null;

    public void Write(Utf8JsonWriter writer, RunSummary summary)
    {
        var h = summary.History!;
        writer.WriteStartObject();
        writer.WriteString("as_of", h.AsOf.ToString());
        writer.WriteNumber("trials_with_weight", h.TrialsWithWeight);
        JsonNumbers.Write(writer, "ess", h.Ess);
        JsonNumbers.Write(writer, "log_evidence", h.LogEvidence);
        if (h.File is not null) writer.WriteString("file", h.File);
        if (h.Sha256 is not null) writer.WriteString("sha256", h.Sha256);
        writer.WriteEndObject();
    }

    public RunSummary Read(JsonElement value, RunSummary summary)
    {
        const string path = "history";
        if (value.ValueKind != JsonValueKind.Object
            || !value.TryGetProperty("as_of", out var asOf) || asOf.ValueKind != JsonValueKind.String || !Month.TryParse(asOf.GetString(), out var month)
            || !value.TryGetProperty("trials_with_weight", out var trials) || !trials.TryGetInt64(out var withWeight)
            || JsonNumbers.Read(value, "ess", path) is not { } ess || JsonNumbers.Read(value, "log_evidence", path) is not { } evidence)
            throw new InvalidDataException("history: expected { as_of: \"YYYY-MM\", trials_with_weight, ess, log_evidence }.");
        string? file = value.TryGetProperty("file", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
        string? sha = value.TryGetProperty("sha256", out var h) && h.ValueKind == JsonValueKind.String ? h.GetString() : null;
        return summary with { History = new HistorySummary(month, withWeight, ess, evidence, file, sha) };
    }
}
