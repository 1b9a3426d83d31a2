using System.Collections.Immutable;
using System.Numerics;
using Alibaba.ChipSim.Scenarios.Validation;
using Alibaba.ChipSim.Scenarios.Yaml;

namespace Alibaba.ChipSim.Scenarios.History;

/// <summary>
/// Reads and checks a scenario's <c>history:</c> against the scenario it conditions: actors and states that exist, months
/// inside the horizon and ≤ <c>as_of</c>, entries in order, observed moves some declared transition can make, quarters that
/// are reported quarters of the horizon, <c>residual_sd</c> &gt; 0. Every problem is reported, each at its entry.
/// </summary>
internal sealed class HistoryReader(DiagnosticBag diagnostics)
{
    private static readonly string[] RootKeys = ["as_of", "actors", "shipments", "revenue", "description"];
    private static readonly string[] EntryKeys = ["from", "state", "description"];
    private static readonly string[] ShipmentKeys = ["from", "to", "modules", "description"];
    private static readonly string[] RangeKeys = ["min", "max"];
    private static readonly string[] RevenueKeys = ["residual_sd", "quarters"];

    /// <summary>The history at <paramref name="node"/> (the value of <c>history</c>), or null with diagnostics.</summary>
    public HistorySpec? Read(YNode node, CalendarSpec calendar, ImmutableArray<ActorSpec> actors)
    {
        const string path = "history";
        if (node is not YMap map)
        {
            diagnostics.Error(node.Location, path, $"expected a mapping with as_of, and actors, shipments or revenue (got {node.Describe()})");
            return null;
        }
        var errors = diagnostics.Count;
        UnknownKeys(map, RootKeys, path);
        if (map.Find("description") is { } d && d.Value is not YScalar) diagnostics.Error(d.Value.Location, path + ".description", "expected text");
        Month asOf = default;
        if (map.Find("as_of") is not { } asOfEntry)
            diagnostics.Error(map.Location, path, "expected as_of: the last observed month (YYYY-MM, inclusive)");
        else if (ReadMonth(asOfEntry.Value, path + ".as_of") is { } m)
        {
            asOf = m;
            if (!calendar.Contains(m))
                diagnostics.Error(asOfEntry.Value.Location, path + ".as_of", $"{m} lies outside the horizon {calendar.Start}…{calendar.End}");
        }
        var known = diagnostics.Count == errors;
        var actorHistories = map.Find("actors") is { } a ? ReadActors(a.Value, calendar, actors, asOf, known) : [];
        var shipments = map.Find("shipments") is { } s ? ReadShipments(s.Value, calendar, asOf, known) : [];
        var revenue = map.Find("revenue") is { } r ? ReadRevenue(r.Value, calendar, asOf, known) : null;
        if (diagnostics.Count > errors) return null;
        return new HistorySpec(asOf, actorHistories, shipments, revenue, map.Location);
    }

    private ImmutableArray<ActorHistory> ReadActors(YNode node, CalendarSpec calendar, ImmutableArray<ActorSpec> actors, Month asOf, bool asOfKnown)
    {
        var result = ImmutableArray.CreateBuilder<ActorHistory>();
        if (node is not YMap map)
        {
            diagnostics.Error(node.Location, "history.actors", $"expected a mapping of actor: [{{ from: YYYY-MM, state: NAME }}, …] (got {node.Describe()})");
            return result.ToImmutable();
        }
        foreach (var entry in map.Entries)
        {
            var path = "history.actors." + entry.Name;
            var actor = actors.FirstOrDefault(x => x.Name == entry.Name);
            if (actor is null)
            {
                diagnostics.Error(entry.Key.Location, path, "no such actor" + Suggestions.Hint(entry.Name, actors.Select(x => x.Name).ToList()));
                continue;
            }
            if (entry.Value is not YList list || list.Items.Length == 0)
            {
                diagnostics.Error(entry.Value.Location, path, $"expected a list of {{ from: YYYY-MM, state: NAME }}, at least one (got {entry.Value.Describe()})");
                continue;
            }
            var entries = ImmutableArray.CreateBuilder<ObservedState>();
            ObservedState? previous = null;
            for (var i = 0; i < list.Items.Length; i++)
            {
                var itemPath = $"{path}[{i}]";
                if (list.Items[i] is not YMap item)
                {
                    diagnostics.Error(list.Items[i].Location, itemPath, $"expected {{ from: YYYY-MM, state: NAME }} (got {list.Items[i].Describe()})");
                    continue;
                }
                UnknownKeys(item, EntryKeys, itemPath);
                var from = Required(item, "from", itemPath) is { } f ? ReadMonth(f, itemPath + ".from") : null;
                var stateNode = Required(item, "state", itemPath);
                string? state = null;
                if (stateNode is YScalar { IsNull: false } sn && actor.States.Any(st => st.Name == sn.Text)) state = sn.Text;
                else if (stateNode is not null)
                    diagnostics.Error(stateNode.Location, itemPath + ".state",
                        $"{actor.Name} has no state {((stateNode as YScalar)?.Text is { } name ? "'" + MessageText.Escape(name) + "'" : stateNode.Describe())}" + Suggestions.Hint((stateNode as YScalar)?.Text ?? "", actor.States.Select(st => st.Name).ToList()));
                if (from is not { } month || state is null) continue;
                if (!InHorizon(month, calendar, asOf, asOfKnown, item["from"]!.Location, itemPath + ".from")) continue;
                var observed = new ObservedState(month, state, item.Location);
                if (previous is not null && month <= previous.From)
                {
                    diagnostics.Error(item["from"]!.Location, itemPath + ".from", $"entries must be in time order: {month} is not after the previous entry's {previous.From}");
                    continue;
                }
                var start = previous?.State ?? (month == calendar.Start ? actor.Initial : null);
                if (start is not null && start != state && !CanMove(actor, start, state))
                {
                    var why = previous is null ? $"its initial state {start}" : start;
                    diagnostics.Error(item.Location, itemPath,
                        $"no declared transition moves {actor.Name} from {why} to {state}" + (actor.States.First(st => st.Name == start).Final ? $" ({start} is final)" : ""));
                    continue;
                }
                entries.Add(observed);
                previous = observed;
            }
            result.Add(new ActorHistory(actor.Name, entries.ToImmutable()));
        }
        return result.ToImmutable();
    }

    private static bool CanMove(ActorSpec actor, string from, string to) =>
        !actor.States.First(s => s.Name == from).Final && actor.Transitions.Any(t => t.From == from && t.To == to);

    private ImmutableArray<ShipmentObservation> ReadShipments(YNode node, CalendarSpec calendar, Month asOf, bool asOfKnown)
    {
        var result = ImmutableArray.CreateBuilder<ShipmentObservation>();
        if (node is not YList list)
        {
            diagnostics.Error(node.Location, "history.shipments", $"expected a list of {{ from: YYYY-MM, to: YYYY-MM, modules: N }} (got {node.Describe()})");
            return result.ToImmutable();
        }
        for (var i = 0; i < list.Items.Length; i++)
        {
            var path = $"history.shipments[{i}]";
            if (list.Items[i] is not YMap item)
            {
                diagnostics.Error(list.Items[i].Location, path, $"expected {{ from: YYYY-MM, to: YYYY-MM, modules: N or {{ min: N, max: N }} }} (got {list.Items[i].Describe()})");
                continue;
            }
            UnknownKeys(item, ShipmentKeys, path);
            var from = Required(item, "from", path) is { } f ? ReadMonth(f, path + ".from") : null;
            var to = Required(item, "to", path) is { } t ? ReadMonth(t, path + ".to") : null;
            var range = Required(item, "modules", path) is { } m ? ReadModules(m, path + ".modules") : null;
            if (from is not { } a || to is not { } b || range is not { } r) continue;
            var ok = InHorizon(a, calendar, asOf, asOfKnown, item["from"]!.Location, path + ".from");
            ok &= InHorizon(b, calendar, asOf, asOfKnown, item["to"]!.Location, path + ".to");
            if (ok && b < a) diagnostics.Error(item["to"]!.Location, path + ".to", $"the range ends ({b}) before it starts ({a})");
            else if (ok) result.Add(new ShipmentObservation(a, b, r.Min, r.Max, item.Location));
        }
        return result.ToImmutable();
    }

    private (long Min, long Max)? ReadModules(YNode node, string path)
    {
        if (node is YMap range)
        {
            UnknownKeys(range, RangeKeys, path);
            var min = Required(range, "min", path) is { } a ? WholeCount(a, path + ".min") : null;
            var max = Required(range, "max", path) is { } b ? WholeCount(b, path + ".max") : null;
            if (min is not { } lo || max is not { } hi) return null;
            if (lo > hi)
            {
                diagnostics.Error(range.Location, path, $"needs min <= max (got min {lo}, max {hi})");
                return null;
            }
            return (lo, hi);
        }
        return WholeCount(node, path) is { } n ? (n, n) : null;
    }

    private long? WholeCount(YNode node, string path)
    {
        if (ScalarReader.TryInteger(node, out var value) == ScalarReader.Status.Ok && value >= 0 && value <= new BigInteger(long.MaxValue)) return (long)value;
        diagnostics.Error(node.Location, path, $"expected a whole number of modules ≥ 0 (got {node.Describe()})");
        return null;
    }

    private RevenueHistory? ReadRevenue(YNode node, CalendarSpec calendar, Month asOf, bool asOfKnown)
    {
        const string path = "history.revenue";
        if (node is not YMap map)
        {
            diagnostics.Error(node.Location, path, $"expected {{ residual_sd: σ, quarters: {{ FY2026Q4: 41.6 }} }} (got {node.Describe()})");
            return null;
        }
        UnknownKeys(map, RevenueKeys, path);
        double? sd = null;
        if (Required(map, "residual_sd", path) is { } sdNode)
        {
            if (ScalarReader.TryNumber(sdNode, out var x) == ScalarReader.Status.Ok && x > 0) sd = x;
            else diagnostics.Error(sdNode.Location, path + ".residual_sd", $"expected a number > 0, the sd of log(reported / modelled quarter) (got {sdNode.Describe()})");
        }
        var quarters = ImmutableArray.CreateBuilder<ReportedQuarter>();
        if (Required(map, "quarters", path) is { } qNode)
        {
            if (qNode is not YMap qs || qs.Entries.Length == 0)
                diagnostics.Error(qNode.Location, path + ".quarters", $"expected a mapping of reported quarters to revenue, CNY bn, e.g. {{ FY2026Q4: 41.6 }} (got {qNode.Describe()})");
            else
            {
                var layout = QuarterCalendar.Layout(calendar.Start, calendar.Months, calendar.Quarters);
                foreach (var q in qs.Entries)
                {
                    var qPath = path + ".quarters." + q.Name;
                    if (!layout.Names.Contains(q.Name))
                    {
                        var reported = layout.Names.Length == 0 ? "none" : $"{layout.Names[0]}…{layout.Names[^1]}";
                        diagnostics.Error(q.Key.Location, qPath, $"not a reported quarter of this horizon (reported: {reported})" + Suggestions.Hint(q.Name, layout.Names));
                        continue;
                    }
                    var quarterIndex = layout.Names.IndexOf(q.Name);
                    var lastMonth = calendar.Start.AddMonths(Array.LastIndexOf(layout.QuarterOfMonth, quarterIndex));
                    if (asOfKnown && lastMonth > asOf)
                    {
                        diagnostics.Error(q.Key.Location, qPath, $"{q.Name} ends in {lastMonth}, after history.as_of ({asOf}): only quarters that end by as_of are observed");
                        continue;
                    }
                    if (ScalarReader.TryNumber(q.Value, out var v) != ScalarReader.Status.Ok || !(v > 0))
                    {
                        diagnostics.Error(q.Value.Location, qPath, $"expected the reported revenue, a number > 0 in CNY bn (got {q.Value.Describe()})");
                        continue;
                    }
                    quarters.Add(new ReportedQuarter(q.Name, v, q.Key.Location));
                }
            }
        }
        return sd is { } s ? new RevenueHistory(s, quarters.ToImmutable()) : null;
    }

    private bool InHorizon(Month month, CalendarSpec calendar, Month asOf, bool asOfKnown, SourceLocation at, string path)
    {
        if (!calendar.Contains(month))
        {
            diagnostics.Error(at, path, $"{month} lies outside the horizon {calendar.Start}…{calendar.End}");
            return false;
        }
        if (asOfKnown && month > asOf)
        {
            diagnostics.Error(at, path, $"{month} is after history.as_of ({asOf}): only months up to as_of are observed");
            return false;
        }
        return true;
    }

    private YNode? Required(YMap map, string key, string path)
    {
        if (map.Find(key) is { } e) return e.Value;
        diagnostics.Error(map.Location, path, $"expected {key}:");
        return null;
    }

    private Month? ReadMonth(YNode node, string path)
    {
        if (node is YScalar s && Month.TryParse(s.Text, out var month)) return month;
        diagnostics.Error(node.Location, path, $"expected a month as YYYY-MM (got {node.Describe()})");
        return null;
    }

    private void UnknownKeys(YMap map, string[] known, string path)
    {
        foreach (var e in map.Entries)
            if (!known.Contains(e.Name))
                diagnostics.Error(e.Key.Location, path + "." + e.Name, "unknown key" + Suggestions.Hint(e.Name, known));
    }
}
