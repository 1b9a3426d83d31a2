using Alibaba.ChipSim.Distributions;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Statistics.Sensitivity;

/// <summary>
/// Each actor's months to approval, per trial: the first month (from the start) in which the actor is in a
/// state whose gate is not fixed at 0, read from the engine's first-entry columns. A trial where the actor
/// never opens within the horizon counts as <c>calendar.months</c> (later than any month simulated), so that
/// "never" ranks last instead of dropping out of the rank correlations.
/// </summary>
public static class ApprovalMonths
{
    /// <summary>The input name of an actor's months to approval.</summary>
    public static string Name(string actor) => actor + "_months_to_approval";

    public static List<KeyValuePair<string, double[]>> Of(SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var scenario = result.Scenario;
        var n = (int)result.Trials;
        var horizon = scenario.Calendar.Months;
        var list = new List<KeyValuePair<string, double[]>>();
        foreach (var actor in scenario.Actors)
        {
            var months = new double[n];
            var initial = actor.States[actor.IndexOf(actor.Initial)];
            if (Opens(initial))
            {
                list.Add(new(Name(actor.Name), months)); // open from the first month: 0 in every trial
                continue;
            }
            Array.Fill(months, horizon);
            foreach (var state in actor.States)
            {
                if (!Opens(state) || result.Column(MetricNames.FirstEntryMonth(actor.Name, state.Name)) is not { } entry) continue;
                var v = entry.Values;
                for (var t = 0; t < n; t++)
                    if (v[t] < months[t]) months[t] = v[t]; // NaN (never entered) compares false
            }
            list.Add(new(Name(actor.Name), months));
        }
        return list;
    }

    private static bool Opens(StateSpec state)
    {
        var spec = state.Gate.Distribution;
        return !spec.IsConstant || CompiledDistribution.Compile(spec).Sample(0.5) > 0;
    }
}
