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

    /// <summary><c>--sensitivity</c>: rank correlations and variance shares of the headline outputs.</summary>
    public bool Sensitivity { get; init; }

    /// <summary><c>--until-se METRIC=VALUE</c>: run batches until the metric's standard error is at most the value.</summary>
    public Statistics.Convergence.SeTarget? UntilSe { get; init; }

    /// <summary><c>--history FILE</c>: condition every scenario on the history in this file (replacing a scenario's own).</summary>
    public string? HistoryFile { get; init; }

    /// <summary><c>--max-trials</c>: the cap of <see cref="UntilSe"/>.</summary>
    public long MaxTrials { get; init; } = ConvergentRuns.DefaultMaxTrials;

    /// <summary><c>--batch-trials</c>: the batch size of <see cref="UntilSe"/> (also its sampling block).</summary>
    public int BatchTrials { get; init; } = ConvergentRuns.DefaultBatchTrials;
}
