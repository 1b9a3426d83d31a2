using System.Collections.Immutable;

namespace Alibaba.ChipSim.Statistics;

/// <summary>
/// The statistics of one run, as written to <c>summary.json</c> (docs/outputs.md#summaryjson). <see cref="Metrics"/> keeps output order:
/// the per-trial metrics, the actors' final states, then every per-quarter metric as <c>{metric}_{quarter}</c>.
/// New sections are added as properties here and as an <c>ISummarySection</c> in <c>Output/SummarySections</c>.
/// </summary>
public sealed record RunSummary(
    string Scenario,
    string ScenarioSha256,
    ulong Seed,
    long Trials,
    string Engine,
    ImmutableArray<MetricEntry> Metrics,
    ImmutableArray<QuarterSummary> Quarters)
{
    /// <summary>The <c>calendar</c> section: the run's first month, horizon and quarter convention (what <c>chipsim score</c> needs to place a month); null in summaries written before it existed.</summary>
    public Scenarios.CalendarSpec? Calendar { get; init; }

    /// <summary>The <c>history</c> section of a run conditioned on observed history (weighted trials); null otherwise.</summary>
    public HistorySummary? History { get; init; }

    /// <summary>The <c>sensitivity</c> section (<c>run --sensitivity</c>), or null when not computed.</summary>
    public Sensitivity.SensitivityReport? Sensitivity { get; init; }

    /// <summary>The <c>convergence</c> section (<c>run --until-se</c>), or null when the trial count was fixed.</summary>
    public Convergence.ConvergenceTrace? Convergence { get; init; }

    /// <summary>
    /// Year totals of the per-quarter metrics (<c>FY2027</c>), for each year whose four quarters are all reported: the
    /// statistics of each trial's sum of the four (in <c>quarters.csv</c> and <c>run.xlsx</c>; not in <c>summary.json</c>).
    /// </summary>
    public ImmutableArray<YearSummary> Years { get; init; } = [];

    /// <summary>The <c>targets</c> section: the scenario's <c>targets:</c> then those of <c>--target</c>; empty when none.</summary>
    public ImmutableArray<TargetResult> Targets { get; init; } = [];

    /// <summary>The numeric summary of <paramref name="name"/>, or null when there is none.</summary>
    public MetricSummary? Metric(string name)
    {
        foreach (var m in Metrics) if (m.Name == name && m is MetricSummary s) return s;
        return null;
    }

    /// <summary>The state shares of <paramref name="name"/> (e.g. <c>washington_final</c>), or null when there are none.</summary>
    public StateShares? Shares(string name)
    {
        foreach (var m in Metrics) if (m.Name == name && m is StateShares s) return s;
        return null;
    }
}
