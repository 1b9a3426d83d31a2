namespace Alibaba.ChipSim.Output.Report;

/// <summary>What a reader needs to reproduce a scenario's run: the caller supplies the date (no clock in the library).</summary>
public sealed record ReportProvenance(
    string ScenarioName,
    string? Description,
    string ScenarioSha256,
    ulong Seed,
    long Trials,
    string Engine,
    DateTimeOffset GeneratedAt);
