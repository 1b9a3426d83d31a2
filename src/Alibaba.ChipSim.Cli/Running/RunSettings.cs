using System.Collections.Immutable;

namespace Alibaba.ChipSim.Cli.Running;

/// <summary>The options of <c>chipsim run</c> after parsing; null = the scenario's own simulation section.</summary>
internal sealed record RunSettings(
    long? Trials,
    ulong? Seed,
    int Threads,
    string? OutDir,
    ImmutableArray<string> Formats,
    bool Quiet,
    bool Json)
{
    /// <summary>Whether to draw a progress bar: only on a terminal, and never with --quiet or --json.</summary>
    public bool ShowProgress(bool outputRedirected) => !outputRedirected && !Quiet && !Json;
}
