using System.Collections.Immutable;
using Alibaba.ChipSim.Runs;

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

    /// <summary>True when <c>--format</c> was given (it then needs <c>--out</c>).</summary>
    public bool FormatsGiven { get; init; }

    /// <summary><c>--target</c>: reported after the scenario's own <c>targets:</c>.</summary>
    public ImmutableArray<Scenarios.TargetSpec> Targets { get; init; } = [];

    /// <summary><c>--history FILE</c>: condition every scenario on the history in this file (replacing a scenario's own).</summary>
    public string? HistoryFile { get; init; }

    /// <summary><c>--max-trials</c>: the cap of <see cref="UntilSe"/>.</summary>
    public long MaxTrials { get; init; } = ConvergenceRequest.DefaultMaxTrials;

    /// <summary><c>--shard K/M</c> or <c>auto/M</c>: run one slice of the trials into a shard folder; null = the whole run.</summary>
    public ShardRequest? Shard { get; init; }

    /// <summary><c>--batch-trials</c>: the batch size of <see cref="UntilSe"/> (also its sampling block).</summary>
    public int BatchTrials { get; init; } = ConvergenceRequest.DefaultBatchTrials;

    /// <summary><c>--stream-above</c>: a run writing no per-trial file of more trials keeps no per-trial column (docs/running-big.md).</summary>
    public long StreamAbove { get; init; } = RunRequest.DefaultColumnTrialsLimit;

    /// <summary>Whether a file with a row per trial is asked for (trials.csv, trials.parquet, run.xlsx's Trials sheet): only then must the columns be kept.</summary>
    public bool WritesTrialFiles => OutDir is not null && Formats.Any(f => f is "csv" or "parquet" or "xlsx");

    /// <summary>
    /// Whether the run's only output is the console table (no --out, --json, --sensitivity or --until-se): it then keeps
    /// only the columns the table reads (<see cref="Engine.ColumnSelection.ForTable(IEnumerable{string})"/>), with the same figures.
    /// </summary>
    public bool PrintsTableOnly => OutDir is null && !Json && !Sensitivity && UntilSe is null && Shard is null;

    /// <summary>The library's request for these settings.</summary>
    public RunRequest ToRequest(CancellationToken cancel) => new()
    {
        Trials = Trials,
        Seed = Seed,
        Threads = Threads,
        Sensitivity = Sensitivity,
        Targets = Targets,
        TrialColumns = WritesTrialFiles,
        ColumnTrialsLimit = StreamAbove,
        Convergence = UntilSe is { } target ? new ConvergenceRequest(target, BatchTrials, MaxTrials) : null,
        CancellationToken = cancel,
    };
}
