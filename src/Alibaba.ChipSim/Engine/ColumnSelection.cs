using System.Collections.Immutable;
using Alibaba.ChipSim.Outcomes;
using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Engine;

/// <summary>
/// The per-trial columns a run keeps when its caller reads only some of them (<see cref="RunOptions.Columns"/>): the
/// trials are the same, drawn and stepped as always, but an outcome left out is neither staged, stored nor summarised.
/// Each column kept has the very values, and so the very statistics, it has in the run that keeps every column. The
/// actors' final states are always kept (a byte per trial and actor). Null, the default everywhere, keeps every column:
/// only a caller that writes nothing (the console table of <c>chipsim run</c>) narrows it.
/// </summary>
public sealed class ColumnSelection
{
    private ColumnSelection(ImmutableHashSet<string> outcomes, ImmutableHashSet<string> entryMonths, ImmutableHashSet<string> quarterly)
    {
        Outcomes = outcomes;
        EntryMonths = entryMonths;
        QuarterlyMetrics = quarterly;
    }

    /// <summary>The whole-run outcomes kept, by name (<see cref="OutcomeCatalogue"/>).</summary>
    public ImmutableHashSet<string> Outcomes { get; }

    /// <summary>The first-entry month columns kept, by name (<c>&lt;actor&gt;_&lt;state&gt;_month</c>).</summary>
    public ImmutableHashSet<string> EntryMonths { get; }

    /// <summary>The quarterly metrics kept (<see cref="OutcomeCatalogue.QuarterlyMetrics"/> names), each with all its quarters.</summary>
    public ImmutableHashSet<string> QuarterlyMetrics { get; }

    /// <summary>
    /// What the console summary table reads: the two headline probabilities, the headline spreads
    /// (<see cref="OutcomeCatalogue.Headlines"/>) and the actors' final states, plus the metric of every target in
    /// <paramref name="targetMetrics"/> (a per-quarter metric keeps that metric's quarters).
    /// </summary>
    public static ColumnSelection ForTable(IEnumerable<string> targetMetrics)
    {
        ArgumentNullException.ThrowIfNull(targetMetrics);
        var outcomes = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        outcomes.Add(OutcomeCatalogue.DeliveredByDeadline.Name);
        outcomes.Add(OutcomeCatalogue.NothingDelivered.Name);
        foreach (var m in OutcomeCatalogue.Headlines) outcomes.Add(m.Name);
        var entries = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        var quarterly = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var metric in targetMetrics)
        {
            if (OutcomeCatalogue.Find(metric) is not null)
            {
                outcomes.Add(metric);
                continue;
            }
            var perQuarter = OutcomeCatalogue.QuarterlyMetrics.FirstOrDefault(q => metric.StartsWith(q.Name + "_", StringComparison.Ordinal));
            if (perQuarter is not null) quarterly.Add(perQuarter.Name);
            entries.Add(metric); // a first-entry month (an actor's name could look like a quarterly metric's), or no column at all
        }
        return new ColumnSelection(outcomes.ToImmutable(), entries.ToImmutable(), quarterly.ToImmutable());
    }

    /// <summary><see cref="ForTable(IEnumerable{string})"/> for the targets of <paramref name="scenarios"/> and <paramref name="extraTargets"/>.</summary>
    public static ColumnSelection ForTable(IEnumerable<Scenario> scenarios, IEnumerable<TargetSpec> extraTargets)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        ArgumentNullException.ThrowIfNull(extraTargets);
        return ForTable(scenarios.SelectMany(s => s.Targets).Concat(extraTargets).Select(t => t.Metric));
    }
}
