using System.Collections.Immutable;
using Alibaba.ChipSim.Outcomes;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Statistics;

namespace Alibaba.ChipSim.Output;

/// <summary>One row of <c>summary.csv</c> and of the Summary sheet: a metric, a final-state share, or a target.</summary>
internal sealed record SummaryRow(string Metric, string Label, string Unit, long? Count, ImmutableArray<double?> Statistics);

/// <summary>
/// The flat summary table: a row per metric of <c>summary.json</c> (per-quarter metrics included), a row per final
/// state as <c>&lt;actor&gt;_final=&lt;state&gt;</c> (its share as mean and probability, with a Wilson interval over all
/// trials), and a row per target as <c>P(metric&lt;x)</c> (probability and interval only).
/// </summary>
internal static class SummaryRows
{
    /// <summary>The statistic columns after metric, label, unit, count.</summary>
    public static ImmutableArray<string> StatisticColumns { get; } =
    [
        "mean", "sd", "se", "min", .. MetricSummary.PercentileLevels.Select(l => "p" + l), "max",
        "var5", "cvar5", "var95", "cvar95", "probability", "ci95_low", "ci95_high",
    ];

    public static ImmutableArray<string> Columns { get; } = ["metric", "label", "unit", "count", .. StatisticColumns];

    public static IEnumerable<SummaryRow> Of(RunSummary summary, Scenario? scenario)
    {
        foreach (var entry in summary.Metrics)
        {
            switch (entry)
            {
                case MetricSummary m:
                {
                    var (label, unit) = MetricDescriptions.Of(m.Name, scenario);
                    yield return new SummaryRow(m.Name, label, unit, m.Count,
                    [
                        m.Mean, m.Sd, m.Se, m.Min, .. MetricSummary.PercentileLevels.Select(m.Percentile), m.Max,
                        m.Var5, m.Cvar5, m.Var95, m.Cvar95, m.Probability, m.Ci95?.Low, m.Ci95?.High,
                    ]);
                    break;
                }
                case StateShares s:
                {
                    var actor = s.Name.EndsWith("_final", StringComparison.Ordinal) ? s.Name[..^"_final".Length] : s.Name;
                    for (var i = 0; i < s.States.Length; i++)
                    {
                        var share = s.Shares[i];
                        ProportionInterval? ci = summary.Trials > 0
                            ? ProportionInterval.Wilson((long)Math.Round(share * summary.Trials), summary.Trials)
                            : null;
                        var stats = new double?[StatisticColumns.Length];
                        stats[0] = share;
                        stats[^3] = share;
                        stats[^2] = ci?.Low;
                        stats[^1] = ci?.High;
                        yield return new SummaryRow($"{s.Name}={s.States[i]}", MetricDescriptions.Share(actor, s.States[i]), "share",
                            summary.Trials, [.. stats]);
                    }
                    break;
                }
            }
        }
        foreach (var t in summary.Targets)
        {
            var stats = new double?[StatisticColumns.Length];
            stats[^3] = t.Probability;
            stats[^2] = t.Ci95?.Low;
            stats[^1] = t.Ci95?.High;
            var label = $"P({t.Target.Metric} {t.Target.Operator} {t.Target.Threshold.ToString("R", System.Globalization.CultureInfo.InvariantCulture)})"
                        + (t.Target.Description is { } d ? ": " + d : "");
            yield return new SummaryRow($"P({t.Target.Text})", label, "probability", t.Count, [.. stats]);
        }
    }
}
