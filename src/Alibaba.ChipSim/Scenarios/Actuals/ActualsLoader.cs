using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using Alibaba.ChipSim.Scenarios.Validation;
using Alibaba.ChipSim.Scenarios.Yaml;

namespace Alibaba.ChipSim.Scenarios.Actuals;

/// <summary>
/// Reads an actuals file (YAML, through the scenario reader, so every problem names file:line:column and key):
/// <code>
/// description: …            # optional
/// as_of: 2026-11            # optional: when these facts were collected
/// values:                   # metric: realised value, or metric: { value, description }
///   cloud_revenue_cny_bn_FY2026Q4: 41.6
/// events:
///   - { first_delivery_by: 2026-06, happened: false, description: … }
///   - { metric: delivered_by_deadline, happened: false }
/// </code>
/// Reports every problem at once; never throws for bad input.
/// </summary>
public static partial class ActualsLoader
{
    private static readonly string[] RootKeys = ["description", "as_of", "values", "events"];
    private static readonly string[] ValueKeys = ["value", "description"];
    private static readonly string[] EventKeys = ["first_delivery_by", "metric", "happened", "description"];

    public static ActualsLoadResult Load(string path)
    {
        var diagnostics = new DiagnosticBag();
        var bytes = SourceText.ReadFile(path, SourceLocation.None(path), "", diagnostics);
        return bytes is null ? Finish(null, diagnostics) : LoadBytes(bytes, path, diagnostics);
    }

    /// <summary>Reads actuals text as if from <paramref name="fileName"/> (named in diagnostics).</summary>
    public static ActualsLoadResult LoadText(string yaml, string fileName) => LoadBytes(Encoding.UTF8.GetBytes(yaml), fileName, new DiagnosticBag());

    private static ActualsLoadResult LoadBytes(byte[] bytes, string file, DiagnosticBag diagnostics)
    {
        var text = SourceText.Decode(bytes, file, diagnostics);
        if (text is null) return Finish(null, diagnostics);
        var root = YamlTreeReader.Read(text, file, diagnostics, "the file holds no actuals: expected a mapping (values:, events:, …)");
        if (root is null) return Finish(null, diagnostics);
        if (root is not YMap map)
        {
            diagnostics.Error(root.Location, "", $"an actuals file is a mapping (values:, events:, …); this one holds {root.Describe()}");
            return Finish(null, diagnostics);
        }
        UnknownKeys(map, RootKeys, "", diagnostics);
        var description = OptionalText(map, "description", "description", diagnostics);
        Month? asOf = map.Find("as_of") is { } a ? ReadMonth(a.Value, "as_of", diagnostics) : null;
        var values = ReadValues(map.Find("values"), diagnostics);
        var events = ReadEvents(map.Find("events"), diagnostics);
        if (values.IsEmpty && events.IsEmpty && !diagnostics.HasErrors)
            diagnostics.Error(map.Location, "", "nothing to score: give at least one entry under values: or events:");
        var actuals = diagnostics.HasErrors ? null : new ActualsFile(file, description, asOf, values, events);
        return Finish(actuals, diagnostics);
    }

    private static ImmutableArray<ObservedValue> ReadValues(YEntry? entry, DiagnosticBag diagnostics)
    {
        var values = ImmutableArray.CreateBuilder<ObservedValue>();
        if (entry is null || entry.Value is YScalar { IsNull: true }) return values.ToImmutable();
        if (entry.Value is not YMap map)
        {
            diagnostics.Error(entry.Value.Location, "values", $"expected a mapping of metric: realised value (got {entry.Value.Describe()})");
            return values.ToImmutable();
        }
        foreach (var e in map.Entries)
        {
            var path = "values." + e.Name;
            if (!MetricName().IsMatch(e.Name))
            {
                diagnostics.Error(e.Key.Location, path, "a metric name is a column of trials.csv: letters, digits and '_' (e.g. cloud_revenue_cny_bn_FY2026Q4)");
                continue;
            }
            string? description = null;
            var valueNode = e.Value;
            if (e.Value is YMap detail)
            {
                UnknownKeys(detail, ValueKeys, path, diagnostics);
                description = OptionalText(detail, "description", path + ".description", diagnostics);
                if (detail.Find("value") is not { } v)
                {
                    diagnostics.Error(detail.Location, path, "expected value: the realised number");
                    continue;
                }
                valueNode = v.Value;
                path += ".value";
            }
            if (ScalarReader.TryNumber(valueNode, out var x) != ScalarReader.Status.Ok)
            {
                diagnostics.Error(valueNode.Location, path, $"expected a finite number, the metric's realised value (got {valueNode.Describe()})");
                continue;
            }
            values.Add(new ObservedValue(e.Name, x, description, e.Key.Location));
        }
        return values.ToImmutable();
    }

    private static ImmutableArray<ObservedEvent> ReadEvents(YEntry? entry, DiagnosticBag diagnostics)
    {
        var events = ImmutableArray.CreateBuilder<ObservedEvent>();
        if (entry is null || entry.Value is YScalar { IsNull: true }) return events.ToImmutable();
        if (entry.Value is not YList list)
        {
            diagnostics.Error(entry.Value.Location, "events", $"expected a list of events, e.g. - {{ first_delivery_by: 2026-06, happened: false }} (got {entry.Value.Describe()})");
            return events.ToImmutable();
        }
        for (var i = 0; i < list.Items.Length; i++)
        {
            var path = $"events[{i}]";
            if (list.Items[i] is not YMap e)
            {
                diagnostics.Error(list.Items[i].Location, path, $"expected {{ first_delivery_by: YYYY-MM | metric: NAME, happened: true | false }} (got {list.Items[i].Describe()})");
                continue;
            }
            var ok = UnknownKeys(e, EventKeys, path, diagnostics);
            var by = e.Find("first_delivery_by");
            var metric = e.Find("metric");
            Month? month = null;
            string? name = null;
            if ((by is null) == (metric is null))
            {
                diagnostics.Error(e.Location, path, "give exactly one of first_delivery_by: YYYY-MM (the first delivery by that month) or metric: NAME (a 0/1 metric such as delivered_by_deadline)");
                ok = false;
            }
            else if (by is not null)
            {
                month = ReadMonth(by.Value, path + ".first_delivery_by", diagnostics);
                ok &= month is not null;
            }
            else if (metric!.Value is YScalar { IsPlain: true } m && MetricName().IsMatch(m.Text))
            {
                name = m.Text;
            }
            else
            {
                diagnostics.Error(metric.Value.Location, path + ".metric", $"expected the name of a 0/1 metric, e.g. delivered_by_deadline (got {metric.Value.Describe()})");
                ok = false;
            }
            var happened = false;
            if (e.Find("happened") is not { } h)
            {
                diagnostics.Error(e.Location, path, "expected happened: true or false");
                ok = false;
            }
            else if (!ScalarReader.TryBoolean(h.Value, out happened))
            {
                diagnostics.Error(h.Value.Location, path + ".happened", $"expected true or false (got {h.Value.Describe()})");
                ok = false;
            }
            var description = OptionalText(e, "description", path + ".description", diagnostics);
            if (ok) events.Add(new ObservedEvent(month, name, happened, description, e.Location));
        }
        return events.ToImmutable();
    }

    private static Month? ReadMonth(YNode node, string path, DiagnosticBag diagnostics)
    {
        if (node is YScalar s && Month.TryParse(s.Text, out var month)) return month;
        diagnostics.Error(node.Location, path, $"expected a month as YYYY-MM, e.g. 2026-06 (got {node.Describe()})");
        return null;
    }

    private static string? OptionalText(YMap map, string key, string path, DiagnosticBag diagnostics)
    {
        if (map.Find(key) is not { } e) return null;
        if (e.Value is YScalar { IsNull: false } s) return s.Text;
        diagnostics.Error(e.Value.Location, path, $"expected text (got {e.Value.Describe()})");
        return null;
    }

    /// <summary>Reports every key not in <paramref name="known"/>, with a "did you mean" hint; false when there was one.</summary>
    private static bool UnknownKeys(YMap map, string[] known, string path, DiagnosticBag diagnostics)
    {
        var ok = true;
        foreach (var e in map.Entries)
        {
            if (known.Contains(e.Name)) continue;
            var keyPath = path.Length == 0 ? e.Name : path + "." + e.Name;
            diagnostics.Error(e.Key.Location, keyPath, "unknown key" + Suggestions.Hint(e.Name, known));
            ok = false;
        }
        return ok;
    }

    private static ActualsLoadResult Finish(ActualsFile? actuals, DiagnosticBag diagnostics) =>
        new(actuals, diagnostics.ToSortedArray());

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex MetricName();
}
