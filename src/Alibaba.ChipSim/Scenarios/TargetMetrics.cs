using Alibaba.ChipSim.Outcomes;

namespace Alibaba.ChipSim.Scenarios;

/// <summary>
/// The per-trial numeric metrics a target may name: the run's numeric outcomes, the actors' first-entry months
/// (<c>&lt;actor&gt;_&lt;state&gt;_month</c>) and the per-quarter metrics (<c>cloud_revenue_cny_bn_FY2027Q1</c>).
/// </summary>
public static class TargetMetrics
{
    /// <summary>The whole-run numeric outcomes of the catalogue, in output order (those that need optional keys included:
    /// a target on one the run lacks reports that no trial defines it).</summary>
    public static IReadOnlyList<string> Outcomes { get; } = [.. OutcomeCatalogue.All.Select(m => m.Name)];

    /// <summary>The metrics reported per quarter.</summary>
    public static IReadOnlyList<string> Quarterly { get; } = [.. OutcomeCatalogue.QuarterlyMetrics.Select(m => m.Name)];

    /// <summary>Every metric name a target of <paramref name="scenario"/> may use.</summary>
    public static IReadOnlyList<string> Of(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return Of(scenario.Calendar, scenario.Actors.Select(a => (a.Name, a.States.Select(s => s.Name))));
    }

    /// <summary>From the calendar (null when invalid: no quarter names) and each actor's state names.</summary>
    public static IReadOnlyList<string> Of(CalendarSpec? calendar, IEnumerable<(string Actor, IEnumerable<string> States)> actors)
    {
        var names = new List<string>(Outcomes);
        foreach (var (actor, states) in actors)
            foreach (var state in states) names.Add(OutcomeCatalogue.FirstEntryMonthName(actor, state));
        if (calendar is not null)
        {
            var layout = QuarterCalendar.Layout(calendar.Start, calendar.Months, calendar.Quarters);
            foreach (var metric in Quarterly)
                foreach (var quarter in layout.Names) names.Add(OutcomeCatalogue.QuarterName(metric, quarter));
        }
        return names;
    }

    /// <summary>Null when <paramref name="metric"/> is a target metric of <paramref name="scenario"/>, else what is wrong, with a hint.</summary>
    public static string? Problem(string metric, Scenario scenario)
    {
        var known = Of(scenario);
        if (known.Contains(metric)) return null;
        var candidates = Validation.Suggestions.Closest(metric, known) is null ? Outcomes.ToList() : known.ToList();
        return $"'{metric}' is not a per-trial metric of scenario '{scenario.Name}'" + Validation.Suggestions.Hint(metric, candidates);
    }
}
