using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using Alibaba.ChipSim.Distributions;
using Alibaba.ChipSim.Scenarios.Yaml;

namespace Alibaba.ChipSim.Scenarios.Validation;

/// <summary>
/// Walks a document along the key model (<see cref="ScenarioKeys"/>): unknown keys (with a hint),
/// missing required keys, wrong types, bad scalars and distributions. Reports everything, keeps
/// what is valid.
/// </summary>
internal sealed class StructureChecker(DiagnosticBag diagnostics)
{
    private static readonly Regex NameRegex = new(ScenarioKeys.NamePattern, RegexOptions.CultureInvariant);

    public CheckedNode? Check(YNode node, KeySpec spec, string path)
    {
        if (node is YScalar { IsNull: true } && spec.Kind is not ValueKind.Text)
        {
            diagnostics.Error(node.Location, path, $"has no value; expected {Expected(spec)}");
            return null;
        }
        switch (spec.Kind)
        {
            case ValueKind.Section: return CheckSection(node, spec, path);
            case ValueKind.NamedEntries: return CheckEntries(node, spec, path);
            case ValueKind.List: return CheckList(node, spec, path);
            case ValueKind.Parameter:
            {
                var d = new DistributionReader(diagnostics).Read(node, spec, path);
                return d is null ? null : new CheckedNode(spec, path, node.Location) { Value = d };
            }
            default: return CheckScalar(node, spec, path);
        }
    }

    private CheckedNode? CheckSection(YNode node, KeySpec spec, string path)
    {
        if (node is not YMap map)
        {
            diagnostics.Error(node.Location, path, $"expected {Expected(spec)} (got {node.Describe()})");
            return null;
        }
        var result = new CheckedNode(spec, path, map.Location);
        foreach (var entry in map.Entries)
        {
            result.WrittenKeys.Add(entry.Name);
            var childPath = Join(path, entry.Name);
            var childSpec = spec.Find(entry.Name);
            if (childSpec is null)
            {
                diagnostics.Error(entry.Key.Location, childPath, $"unknown key '{MessageText.Key(entry.Name)}'" + Suggestions.Hint(entry.Name, spec.Keys.Select(k => k.Name).ToList()));
                continue;
            }
            if (entry.Value is YScalar { IsNull: true })
            {
                // An empty value has no position of its own worth showing: point at its key.
                diagnostics.Error(entry.Key.Location, childPath, $"has no value; expected {Expected(childSpec)}");
                continue;
            }
            var child = Check(entry.Value, childSpec, childPath);
            if (child is not null) result.Members[entry.Name] = child;
        }
        foreach (var key in spec.Keys)
        {
            if (map.Find(key.Name) is not null) continue;
            if (key.Required)
                diagnostics.Error(map.Location, Join(path, key.Name), $"missing required key '{key.Name}' ({key.Description})");
            else if (key.Default is not null)
                result.Members[key.Name] = new CheckedNode(key, Join(path, key.Name), map.Location) { Value = DefaultValue(key), IsDefault = true };
        }
        return result;
    }

    private static object DefaultValue(KeySpec key) =>
        key.Kind == ValueKind.Parameter ? new FixedDistribution((double)key.Default!) : key.Default!;

    private CheckedNode? CheckEntries(YNode node, KeySpec spec, string path)
    {
        if (node is not YMap map)
        {
            diagnostics.Error(node.Location, path, $"expected {Expected(spec)} (got {node.Describe()})");
            return null;
        }
        var entries = ImmutableArray.CreateBuilder<CheckedEntry>();
        foreach (var entry in map.Entries)
        {
            var childPath = Join(path, entry.Name);
            if (!NameRegex.IsMatch(entry.Name))
            {
                diagnostics.Error(entry.Key.Location, childPath, $"'{entry.Name}' is not a valid name: use lower-case letters, digits and '_', starting with a letter");
                continue;
            }
            if (entry.Value is YScalar { IsNull: true } && spec.Item!.Kind != ValueKind.Section)
            {
                diagnostics.Error(entry.Key.Location, childPath, $"has no value; expected {Expected(spec.Item)}");
                continue;
            }
            var child = Check(entry.Value, spec.Item!, childPath);
            entries.Add(new CheckedEntry(entry.Name, entry.Key.Location, child ?? new CheckedNode(spec.Item!, childPath, entry.Value.Location)));
        }
        if (map.Entries.Length < spec.MinItems)
            diagnostics.Error(map.Location, path, $"needs at least {spec.MinItems} {(spec.MinItems == 1 ? "entry" : "entries")} (got none)");
        return new CheckedNode(spec, path, map.Location) { Entries = entries.ToImmutable() };
    }

    private CheckedNode? CheckList(YNode node, KeySpec spec, string path)
    {
        if (node is not YList list)
        {
            diagnostics.Error(node.Location, path, $"expected {Expected(spec)} (got {node.Describe()})");
            return null;
        }
        var items = ImmutableArray.CreateBuilder<CheckedNode>();
        for (var i = 0; i < list.Items.Length; i++)
        {
            var item = Check(list.Items[i], spec.Item!, $"{path}[{i}]");
            if (item is not null) items.Add(item);
        }
        var n = list.Items.Length;
        if (n < spec.MinItems || (spec.MaxItems is { } max && n > max))
        {
            var want = spec.MaxItems == spec.MinItems ? $"exactly {spec.MinItems}" : spec.MaxItems is null ? $"at least {spec.MinItems}" : $"{spec.MinItems} to {spec.MaxItems}";
            diagnostics.Error(list.Location, path, $"needs {want} items (got {n})");
            return null;
        }
        return new CheckedNode(spec, path, list.Location) { Items = items.ToImmutable() };
    }

    private CheckedNode? CheckScalar(YNode node, KeySpec spec, string path)
    {
        object? value = null;
        string? problem = null;
        if (node is not YScalar s)
            problem = $"expected {Expected(spec)} (got {node.Describe()})";
        else
        {
            switch (spec.Kind)
            {
                case ValueKind.Text:
                    if (s.IsNull) problem = "has no value; expected text";
                    else if (spec.MaxLength > 0 && s.Text.Length > spec.MaxLength)
                        problem = string.Create(CultureInfo.InvariantCulture, $"is too long ({s.Text.Length:N0} characters; at most {spec.MaxLength})");
                    else if (spec.Pattern is { } pattern && !Regex.IsMatch(s.Text, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
                        problem = $"is not a valid name (got {s.Describe()}): use letters, digits, '_', '.' and '-', starting with a letter or digit";
                    else value = s.Text;
                    break;
                case ValueKind.Name:
                    if (NameRegex.IsMatch(s.Text)) value = s.Text;
                    else problem = $"expected a name of lower-case letters, digits and '_', starting with a letter (got {s.Describe()})";
                    break;
                case ValueKind.Month:
                    if (Scenarios.Month.TryParse(s.Text, out var m)) value = m;
                    else problem = $"expected a month YYYY-MM, e.g. 2026-02 (got {s.Describe()})";
                    break;
                case ValueKind.Boolean:
                    if (ScalarReader.TryBoolean(s, out var b)) value = b;
                    else problem = $"expected true or false (got {s.Describe()})";
                    break;
                case ValueKind.Choice:
                    if (spec.Choices.Contains(s.Text)) value = s.Text;
                    else problem = $"expected one of {string.Join(", ", spec.Choices)} (got {s.Describe()})" + DidYouMean(s.Text, spec.Choices);
                    break;
                case ValueKind.Integer:
                    var status = ScalarReader.TryInteger(s, out var big);
                    if (status == ScalarReader.Status.Ok && big >= spec.MinInteger && big <= spec.MaxInteger) value = big;
                    else problem = string.Create(CultureInfo.InvariantCulture, $"expected a whole number from {spec.MinInteger} to {spec.MaxInteger} (got {s.Describe()})");
                    break;
                case ValueKind.Number:
                    var ns = ScalarReader.TryNumber(s, out var x);
                    if (ns == ScalarReader.Status.Ok && spec.Domain.Contains(x))
                    {
                        problem = spec.Domain.GuardProblem(x, x, $"got {ScalarReader.Format(x)}");
                        if (problem is null) value = x;
                    }
                    else if (ns == ScalarReader.Status.Ok) problem = $"must be {spec.Domain.Describe()} (got {ScalarReader.Format(x)})";
                    else if (ns == ScalarReader.Status.OutOfRange) problem = $"expected {ScalarReader.FiniteRange} (got {s.Describe()})";
                    else problem = $"expected a number (got {s.Describe()})";
                    break;
            }
        }
        if (problem is not null)
        {
            diagnostics.Error(node.Location, path, problem);
            return null;
        }
        return new CheckedNode(spec, path, node.Location) { Value = value };
    }

    /// <summary>What a key expects, in words.</summary>
    public static string Expected(KeySpec spec) => spec.Kind switch
    {
        ValueKind.Section => "a mapping with keys " + string.Join(", ", spec.Keys.Select(k => k.Name)),
        ValueKind.NamedEntries => "a mapping of names to " + (spec.Item!.Kind == ValueKind.Name ? "state names" : spec.Item.Name + "s"),
        ValueKind.List => "a list of " + (spec.Item!.Kind == ValueKind.Section ? spec.Item.Name + "s" : "text"),
        ValueKind.Text => "text",
        ValueKind.Name => "a name",
        ValueKind.Month => "a month YYYY-MM",
        ValueKind.Integer => "a whole number",
        ValueKind.Boolean => "true or false",
        ValueKind.Choice => "one of " + string.Join(", ", spec.Choices),
        ValueKind.Number => "a number",
        _ => "a number or a distribution { dist: …, … }",
    };

    public static string DidYouMean(string word, IEnumerable<string> candidates) =>
        Suggestions.Closest(word, candidates) is { } c ? $" (did you mean '{c}'?)" : "";

    public static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;
}
