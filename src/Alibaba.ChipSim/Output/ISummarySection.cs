using System.Text.Json;
using Alibaba.ChipSim.Statistics;

namespace Alibaba.ChipSim.Output;

/// <summary>
/// One top-level key of <c>summary.json</c> after the header keys. To add a section (e.g. <c>sensitivity</c>):
/// add a property to <see cref="RunSummary"/>, implement this, and list it in <see cref="SummarySections.All"/>.
/// </summary>
internal interface ISummarySection
{
    string Key { get; }

    /// <summary>False when the summary has nothing for this section (the key is then left out).</summary>
    bool IsPresent(RunSummary summary);

    /// <summary>Writes the section's value (the writer has already written the key).</summary>
    void Write(Utf8JsonWriter writer, RunSummary summary);

    /// <summary>Returns <paramref name="summary"/> with the section read from <paramref name="value"/>.</summary>
    RunSummary Read(JsonElement value, RunSummary summary);
}
