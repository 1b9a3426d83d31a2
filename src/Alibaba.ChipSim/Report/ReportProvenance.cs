namespace Alibaba.ChipSim.Report;

/// <summary>What a reader needs to reproduce a scenario's run: the caller supplies the date (no clock in the library).</summary>
public sealed record ReportProvenance(
    string ScenarioName,
    string? Description,
    string ScenarioSha256,
    ulong Seed,
    long Trials,
    string Engine,
    DateTimeOffset GeneratedAt)
{
    /// <summary>The scenario file as given on the command line; null for a scenario built in code or embedded.</summary>
    public string? ScenarioFile { get; init; }
}
