using Alibaba.ChipSim.Distributions;

namespace Alibaba.ChipSim.Scenarios.Validation;

/// <summary>
/// The rules of docs/model.md#policy-actors across an actor's states and transitions, and across actors (guards):
/// what the key model alone cannot see.
/// </summary>
internal sealed class ActorChecks(DiagnosticBag diagnostics)
{
    public void Check(CheckedNode? actors, CalendarSpec? calendar)
    {
        if (actors is null) return;
        var statesOf = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var actor in actors.Entries)
            statesOf[actor.Name] = actor.Node["states"]?.Entries.Select(s => s.Name).ToList() ?? [];
        foreach (var actor in actors.Entries) CheckActor(actor, statesOf, calendar);
    }

    private void CheckActor(CheckedEntry actor, Dictionary<string, List<string>> statesOf, CalendarSpec? calendar)
    {
        var node = actor.Node;
        var states = node["states"];
        if (states is null) return; // reported by the structure checks
        var names = statesOf[actor.Name];
        var finals = states.Entries.Where(s => s.Node["final"]?.Value is true).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);

        var initial = node["initial"];
        var initialOk = initial?.Value is string i && names.Contains(i);
        if (initial?.Value is string init && !initialOk)
            diagnostics.Error(initial.Location, initial.Path, $"initial state '{init}' is not a state of {actor.Name}" + Among(init, names));

        var transitions = node["transitions"]?.Items ?? [];
        var edges = new List<(string From, string To)>();
        var hazardsFrom = new Dictionary<string, List<(string To, double Upper, CheckedNode Node)>>(StringComparer.Ordinal);
        var scheduled = new Dictionary<(string, Month), CheckedNode>();
        foreach (var t in transitions)
        {
            var from = StateRef(t, "from", names, actor.Name);
            var to = StateRef(t, "to", names, actor.Name);
            if (from is not null && from == to)
                diagnostics.Error(t.Location, t.Path, $"a transition from a state to itself ('{from}' -> '{to}'); remove it");
            else if (from is not null && to is not null)
                edges.Add((from, to));
            if (from is not null && finals.Contains(from))
                diagnostics.Error(t["from"]!.Location, t.Path + ".from", $"'{from}' is final (absorbing): no transition may leave it; drop 'final: true' or the transition");

            var hasMonthly = t.WrittenKeys.Contains("monthly");
            var hasAt = t.WrittenKeys.Contains("at");
            if (hasMonthly && hasAt)
                diagnostics.Error(t.Location, t.Path, "has both 'monthly' (a hazard) and 'at' (a scheduled month); a transition is one or the other");
            else if (!hasMonthly && !hasAt)
                diagnostics.Error(t.Location, t.Path, "needs 'monthly' (a hazard probability) or 'at' (a scheduled month YYYY-MM)");

            if (from is not null && to is not null && t.Distribution("monthly") is { } p)
            {
                var list = hazardsFrom.TryGetValue(from, out var l) ? l : hazardsFrom[from] = [];
                if (list.Any(h => h.To == to))
                    diagnostics.Error(t.Location, t.Path, $"a second hazard from '{from}' to '{to}'; merge them into one");
                else
                    list.Add((to, CompiledDistribution.SupportOf(p).Upper, t));
            }
            if (from is not null && t.Month("at") is { } at)
            {
                if (scheduled.TryGetValue((from, at), out var first))
                    diagnostics.Error(t["at"]!.Location, t.Path + ".at", $"a second scheduled transition leaving '{from}' in {at} (the first is {first.Path}); at most one may fire");
                else
                    scheduled[(from, at)] = t;
                if (calendar is not null && !calendar.Contains(at))
                    diagnostics.Warning(t["at"]!.Location, t.Path + ".at", $"{at} is outside the simulated months {calendar.Start} to {calendar.End}; this transition never fires");
            }
            CheckGuards(t, actor.Name, statesOf);
        }

        foreach (var (from, hazards) in hazardsFrom)
        {
            var sum = hazards.Sum(h => h.Upper);
            if (sum <= 1 + 1e-12) continue;
            var parts = string.Join(", ", hazards.Select(h => $"{h.To} {ScalarReader.Format(h.Upper)}"));
            diagnostics.Error(hazards[0].Node.Location, $"actors.{actor.Name}.transitions",
                $"the monthly probabilities leaving '{from}' sum to {ScalarReader.Format(Math.Round(sum, 12))} at their upper ends ({parts}); they must sum to <= 1");
        }

        if (initialOk) WarnUnreachable(states, (string)initial!.Value!, edges, actor.Name);
    }

    private string? StateRef(CheckedNode t, string key, List<string> names, string actor)
    {
        if (t[key] is not { Value: string name } node) return null;
        if (names.Contains(name)) return name;
        diagnostics.Error(node.Location, node.Path, $"transition {key} '{name}', which is not a state of {actor}" + Among(name, names));
        return null;
    }

    private void CheckGuards(CheckedNode t, string self, Dictionary<string, List<string>> statesOf)
    {
        if (t["when"] is not { } when) return;
        foreach (var guard in when.Entries)
        {
            if (guard.Name == self)
            {
                diagnostics.Error(guard.Location, guard.Node.Path, $"a guard on {self}'s own state; a transition's 'from' already says which state it leaves");
                continue;
            }
            if (!statesOf.TryGetValue(guard.Name, out var other))
            {
                diagnostics.Error(guard.Location, guard.Node.Path, $"guard on '{guard.Name}', which is not an actor" + Among(guard.Name, statesOf.Keys));
                continue;
            }
            if (guard.Node.Value is string state && !other.Contains(state))
                diagnostics.Error(guard.Node.Location, guard.Node.Path, $"guard on {guard.Name} being in '{state}', which is not a state of {guard.Name}" + Among(state, other));
        }
    }

    private void WarnUnreachable(CheckedNode states, string initial, List<(string From, string To)> edges, string actor)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal) { initial };
        var queue = new Queue<string>([initial]);
        while (queue.Count > 0)
        {
            var s = queue.Dequeue();
            foreach (var (from, to) in edges)
                if (from == s && reached.Add(to)) queue.Enqueue(to);
        }
        foreach (var state in states.Entries)
            if (!reached.Contains(state.Name))
                diagnostics.Warning(state.Location, state.Node.Path, $"state '{state.Name}' of {actor} is unreachable from the initial state '{initial}'");
    }

    private static string Among(string name, IEnumerable<string> names)
    {
        var list = names.ToList();
        return StructureChecker.DidYouMean(name, list) is { Length: > 0 } hint ? hint : $"; {(list.Count == 0 ? "it has none" : "expected one of " + string.Join(", ", list))}";
    }
}
