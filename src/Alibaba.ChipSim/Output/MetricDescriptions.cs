using Alibaba.ChipSim.Model;
using Alibaba.ChipSim.Outcomes;
using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Output;

/// <summary>
/// The label and unit of a summary row, from the outcome catalogue: catalogue outcomes, per-quarter metrics
/// (<c>cloud_revenue_cny_bn_FY2027Q1</c>), first-entry months (<c>beijing_approved_month</c>) and final-state shares.
/// Labels name the quantity without a display scale: every value in the files is in the stored unit.
/// </summary>
internal static class MetricDescriptions
{
    public static (string Label, string Unit) Of(string name, Scenario? scenario)
    {
        if (OutcomeCatalogue.Find(name) is { } m) return (Plain(m), m.Unit);
        foreach (var q in OutcomeCatalogue.QuarterlyMetrics)
        {
            if (name.Length > q.Name.Length + 1 && name.StartsWith(q.Name + "_", StringComparison.Ordinal)
                && QuarterDates.Of(name[(q.Name.Length + 1)..]) is not null)
                return ($"{Plain(q)}, {name[(q.Name.Length + 1)..]}", q.Unit);
        }
        foreach (var actor in scenario?.Actors ?? [])
            foreach (var state in actor.States)
                if (name == OutcomeCatalogue.FirstEntryMonthName(actor.Name, state.Name))
                    return ($"Month {actor.Name} first enters {state.Name} (0 = the first month)", "months");
        return (name, "");
    }

    /// <summary>The label of an actor's final-state share.</summary>
    public static string Share(string actor, string state) => $"Share of trials where {actor} ends {state}";

    /// <summary>The catalogue label without its display unit in parentheses when that unit differs from the stored one.</summary>
    private static string Plain(OutcomeMetric m)
    {
        var open = m.Label.LastIndexOf(" (", StringComparison.Ordinal);
        return m.DisplayScale != 1 && open > 0 && m.Label.EndsWith(')') ? m.Label[..open] : m.Label;
    }
}
