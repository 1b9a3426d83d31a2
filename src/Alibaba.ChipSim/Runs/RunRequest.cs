namespace Alibaba.ChipSim.Runs;

/// <summary>
/// What to run, beyond the scenarios themselves: null trial count and seed mean the first scenario's
/// <c>simulation</c> section (see <see cref="RunSet"/> for the seed rule).
/// </summary>
public sealed record RunRequest
{
    /// <summary>Trials per scenario; null = <c>simulation.trials</c> of the first scenario. Ignored under <see cref="Convergence"/>.</summary>
    public long? Trials { get; init; }

    /// <summary>The seed of every scenario; null = <c>simulation.seed</c> of the first scenario.</summary>
    public ulong? Seed { get; init; }

    /// <summary>Worker threads; 0 = every core. Never changes the results.</summary>
    public int Threads { get; init; }

    /// <summary>Whether each summary gets its <c>sensitivity</c> section.</summary>
    public bool Sensitivity { get; init; }

    /// <summary>Targets beyond each scenario's own <c>targets:</c> (<c>--target</c>), reported after them.</summary>
    public System.Collections.Immutable.ImmutableArray<Scenarios.TargetSpec> Targets { get; init; } = [];

    /// <summary>When set, the trial count is chosen by batches until a standard error is met (<c>--until-se</c>).</summary>
    public ConvergenceRequest? Convergence { get; init; }

    /// <summary>
    /// Whether the run keeps its per-trial columns (true, the default: per-trial files, sensitivity, reports and diffs read
    /// them). When false, a run of more than <see cref="ColumnTrialsLimit"/> trials keeps none: it streams its trials
    /// chunk by chunk for exact statistics in memory that does not grow with the trial count (docs/running-big.md).
    /// Sensitivity and <see cref="Convergence"/> always keep the columns; a run conditioned on history streams too (its
    /// weighted statistics take a few passes instead of one).
    /// </summary>
    public bool TrialColumns { get; init; } = true;

    /// <summary>With <see cref="TrialColumns"/> false, the largest run that still keeps its columns (one pass is cheaper than two while they fit).</summary>
    public long ColumnTrialsLimit { get; init; } = DefaultColumnTrialsLimit;

    /// <summary>About 0.5 GB of columns for base.yaml.</summary>
    public const long DefaultColumnTrialsLimit = 1L << 20;

    /// <summary>
    /// The per-trial columns the caller reads; null (the default) keeps every column, as every file, report and diff needs.
    /// A caller that only prints the console table narrows it (<see cref="Engine.ColumnSelection.ForTable(IEnumerable{string})"/>):
    /// the statistics it reads are the same bits, and the columns it does not read are neither kept nor summarised. Ignored
    /// under <see cref="Sensitivity"/> and <see cref="Convergence"/>, which read the inputs and every output.
    /// </summary>
    public Engine.ColumnSelection? Columns { get; init; }

    /// <summary>The selection the engine is given: none under sensitivity or convergence.</summary>
    internal Engine.ColumnSelection? EngineColumns => Sensitivity || Convergence is not null ? null : Columns;

    public CancellationToken CancellationToken { get; init; }

    /// <summary>The summary's thread limit: null (every core) for 0.</summary>
    internal int? SummaryThreads => Threads == 0 ? null : Threads;

    /// <summary>Whether a fixed-count run of <paramref name="scenario"/> at <paramref name="trials"/> trials streams instead of keeping its columns.</summary>
    public bool Streams(Scenarios.Scenario scenario, long trials) =>
        !TrialColumns && !Sensitivity && Convergence is null && trials > ColumnTrialsLimit;
}
