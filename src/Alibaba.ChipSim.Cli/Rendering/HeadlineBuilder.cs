using System.Collections.Immutable;
using Alibaba.ChipSim.Outcomes;
using Alibaba.ChipSim.Statistics;

namespace Alibaba.ChipSim.Cli.Rendering;

/// <summary>Picks the summary table's figures out of a run's <see cref="RunSummary"/>.</summary>
internal static class HeadlineBuilder
{
    public static HeadlineFigures From(RunSummary summary, string deadline)
    {
        var spreads = ImmutableArray.CreateBuilder<Spread>();
        foreach (var (metric, label, scale) in HeadlineMetrics.Rows)
        {
            if (summary.Metric(metric) is not { } m) continue;
            spreads.Add(new Spread(metric, label, scale, m.Count, m.P5 ?? double.NaN, m.P50 ?? double.NaN, m.P95 ?? double.NaN));
        }
        var finals = ImmutableArray.CreateBuilder<ActorShares>();
        foreach (var entry in summary.Metrics)
        {
            if (entry is not StateShares s) continue;
            var actor = s.Name.EndsWith("_final", StringComparison.Ordinal) ? s.Name[..^"_final".Length] : s.Name;
            finals.Add(new ActorShares(actor, s.States, s.Shares));
        }
        return new HeadlineFigures(summary.Scenario, summary.Trials, summary.Seed, deadline,
            Probability(summary.Metric(OutcomeCatalogue.DeliveredByDeadline.Name)),
            Probability(summary.Metric(OutcomeCatalogue.NothingDelivered.Name)),
            spreads.ToImmutable(), finals.ToImmutable());
    }

    private static Proportion Probability(MetricSummary? m) =>
        m is { Probability: { } p, Ci95: { } ci } ? new Proportion(p, ci.Low, ci.High) : new Proportion(double.NaN, double.NaN, double.NaN);
}
