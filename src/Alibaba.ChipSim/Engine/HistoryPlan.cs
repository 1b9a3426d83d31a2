using System.Collections.Immutable;
using Alibaba.ChipSim.Model;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Scenarios.History;

namespace Alibaba.ChipSim.Engine;

/// <summary>
/// A scenario's <c>history:</c> compiled for the trial loop (docs/history.md): the observed state of each actor in each
/// month (−1 = not observed), the shipment ranges as month indices, the reported quarters as quarter indices with their
/// logs. Each actor entry and each shipment range is an observation, numbered for the message of a run no trial matched.
/// </summary>
internal sealed class HistoryPlan
{
    public HistoryPlan(HistorySpec history, Scenario scenario, QuarterLayout quarters)
    {
        var calendar = scenario.Calendar;
        AsOf = history.AsOf;
        Actors = scenario.Actors.Length;
        LastMonth = history.AsOf.MonthsSince(calendar.Start);
        Observed = new int[(LastMonth + 1) * Actors];
        ObservationOf = new int[Observed.Length];
        Array.Fill(Observed, -1);
        Array.Fill(ObservationOf, -1);
        var names = ImmutableArray.CreateBuilder<string>();
        foreach (var actorHistory in history.Actors)
        {
            var a = scenario.Actors.IndexOf(scenario.Actors.First(x => x.Name == actorHistory.Actor));
            var states = scenario.Actors[a].States;
            for (var i = 0; i < actorHistory.Entries.Length; i++)
            {
                var entry = actorHistory.Entries[i];
                var state = states.IndexOf(states.First(s => s.Name == entry.State));
                var first = entry.From.MonthsSince(calendar.Start);
                var last = i + 1 < actorHistory.Entries.Length ? actorHistory.Entries[i + 1].From.MonthsSince(calendar.Start) - 1 : LastMonth;
                for (var m = first; m <= last; m++)
                {
                    Observed[m * Actors + a] = state;
                    ObservationOf[m * Actors + a] = names.Count;
                }
                var until = i + 1 < actorHistory.Entries.Length ? actorHistory.Entries[i + 1].From.AddMonths(-1) : history.AsOf;
                names.Add($"history.actors.{actorHistory.Actor}[{i}] ({entry.State} from {entry.From} to {until}, {entry.Location})");
            }
        }
        ActorObservations = names.Count;
        ShipFrom = [.. history.Shipments.Select(s => s.From.MonthsSince(calendar.Start))];
        ShipTo = [.. history.Shipments.Select(s => s.To.MonthsSince(calendar.Start))];
        ShipMin = [.. history.Shipments.Select(s => (double)s.MinModules)];
        ShipMax = [.. history.Shipments.Select(s => (double)s.MaxModules)];
        for (var r = 0; r < history.Shipments.Length; r++)
        {
            var s = history.Shipments[r];
            var modules = s.MinModules == s.MaxModules ? $"{s.MinModules} modules" : $"{s.MinModules}–{s.MaxModules} modules";
            names.Add($"history.shipments[{r}] ({modules} shipped {s.From}…{s.To}, {s.Location})");
        }
        if (history.Revenue is { } revenue)
        {
            QuarterIndex = [.. revenue.Quarters.Select(q => quarters.Names.IndexOf(q.Quarter))];
            LogReported = [.. revenue.Quarters.Select(q => Math.Log(q.CnyBn))];
            ResidualSd = revenue.ResidualSd;
        }
        ObservationNames = names.ToImmutable();
    }

    public Month AsOf { get; }

    public int Actors { get; }

    /// <summary>The last observed month (as_of) as a month index.</summary>
    public int LastMonth { get; }

    /// <summary>[month × actors + actor]: the observed state after the month's step, −1 when not observed (months ≤ <see cref="LastMonth"/>).</summary>
    public int[] Observed { get; }

    /// <summary>[month × actors + actor]: the observation (actor entry) that month belongs to, −1 when none.</summary>
    public int[] ObservationOf { get; }

    /// <summary>Observations 0 … ActorObservations − 1 are actor entries; the shipment ranges follow.</summary>
    public int ActorObservations { get; }

    public int[] ShipFrom { get; }
    public int[] ShipTo { get; }
    public double[] ShipMin { get; }
    public double[] ShipMax { get; }

    public int[] QuarterIndex { get; } = [];
    public double[] LogReported { get; } = [];
    public double ResidualSd { get; } = 1;

    /// <summary>Each observation in words, with its position in the scenario file.</summary>
    public ImmutableArray<string> ObservationNames { get; }

    /// <summary>
    /// The revenue factor exp(−½ Σ ((ln r_q − ln c_q)/σ)²) over the reported quarters, from the trial's modelled quarters
    /// <paramref name="quarterCloud"/> (without its normalising constant, the same for every scenario under one history).
    /// </summary>
    public double RevenueFactor(ReadOnlySpan<double> quarterCloud)
    {
        if (QuarterIndex.Length == 0) return 1;
        double sum = 0;
        for (var i = 0; i < QuarterIndex.Length; i++)
        {
            var z = (LogReported[i] - Math.Log(quarterCloud[QuarterIndex[i]])) / ResidualSd;
            sum += z * z;
        }
        return Math.Exp(-0.5 * sum);
    }
}
