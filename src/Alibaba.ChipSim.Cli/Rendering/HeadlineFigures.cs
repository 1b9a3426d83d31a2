using System.Collections.Immutable;
using Alibaba.ChipSim.Outcomes;

namespace Alibaba.ChipSim.Cli.Rendering;

/// <summary>The figures of the console summary table for one scenario run.</summary>
internal sealed record HeadlineFigures(
    string Scenario,
    long Trials,
    ulong Seed,
    string Deadline,
    Proportion DeliveredByDeadline,
    Proportion NothingDelivered,
    ImmutableArray<Spread> Spreads,
    ImmutableArray<ActorShares> Finals);

/// <summary>A probability with its 95% (Wilson) interval.</summary>
internal readonly record struct Proportion(double P, double Low, double High);

/// <summary>P5, P50 and P95 of one metric over the trials where it is defined (<see cref="Count"/>).</summary>
internal sealed record Spread(string Metric, string Label, double Scale, long Count, double P5, double P50, double P95);

/// <summary>The share of trials ending in each declared state of one actor.</summary>
internal sealed record ActorShares(string Actor, ImmutableArray<string> States, ImmutableArray<double> Shares);

/// <summary>The metrics the summary table shows (<see cref="OutcomeCatalogue.Headlines"/>), with their labels and display scale.</summary>
internal static class HeadlineMetrics
{
    public static readonly ImmutableArray<(string Metric, string Label, double Scale)> Rows =
        [.. OutcomeCatalogue.Headlines.Select(m => (m.Name, m.Label, m.DisplayScale))];
}
