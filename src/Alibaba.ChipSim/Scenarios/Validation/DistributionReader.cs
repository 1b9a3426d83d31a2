using System.Collections.Immutable;
using Alibaba.ChipSim.Distributions;
using Alibaba.ChipSim.Scenarios.Yaml;

namespace Alibaba.ChipSim.Scenarios.Validation;

/// <summary>
/// Reads a parameter: a bare number (fixed) or <c>{ dist: …, … }</c>. Checks the distribution's own
/// arguments (<see cref="DistributionChecks"/>), then that its support lies in the key's domain.
/// </summary>
internal sealed class DistributionReader(DiagnosticBag diagnostics)
{
    private static readonly string Example = "{ dist: uniform, min: 0.2, max: 0.5 }";

    public DistributionSpec? Read(YNode node, KeySpec spec, string path)
    {
        DistributionSpec? d;
        switch (node)
        {
            case YScalar s:
                var status = ScalarReader.TryNumber(s, out var value);
                if (status != ScalarReader.Status.Ok)
                {
                    var why = status == ScalarReader.Status.OutOfRange ? ScalarReader.FiniteRange : $"a number or a distribution such as {Example}";
                    diagnostics.Error(node.Location, path, $"expected {why} (got {s.Describe()})");
                    return null;
                }
                d = new FixedDistribution(value);
                break;
            case YMap map:
                d = ReadMap(map, path);
                if (d is null) return null;
                break;
            default:
                diagnostics.Error(node.Location, path, $"expected a number or a distribution such as {Example} (got {node.Describe()})");
                return null;
        }
        return CheckDomain(d, node.Location, spec, path) ? d : null;
    }

    private DistributionSpec? ReadMap(YMap map, string path)
    {
        var names = DistributionKinds.All.Select(k => k.Name).ToList();
        if (map.Find("dist") is not { } distEntry)
        {
            diagnostics.Error(map.Location, path, $"a distribution needs 'dist:' (one of {string.Join(", ", names)}), e.g. {Example}");
            return null;
        }
        var kindName = distEntry.Value is YScalar { IsNull: false } k ? k.Text : null;
        var kind = kindName is null ? null : DistributionKinds.Find(kindName);
        if (kind is null)
        {
            var got = $"({distEntry.Value.Describe()})";
            var hint = kindName is null ? "" : StructureChecker.DidYouMean(kindName, names);
            diagnostics.Error(distEntry.Value.Location, StructureChecker.Join(path, "dist"), $"unknown distribution {got}{hint}; expected one of {string.Join(", ", names)}");
            return null;
        }

        var ok = true;
        var numbers = new Dictionary<string, double>(StringComparer.Ordinal);
        var lists = new Dictionary<string, ImmutableArray<double>>(StringComparer.Ordinal);
        var allowed = kind.AllowedKeys.ToList();
        var misspelt = new HashSet<string>(StringComparer.Ordinal); // keys a misspelling already points at
        foreach (var entry in map.Entries)
        {
            if (entry.Name == "dist") continue;
            var keyPath = StructureChecker.Join(path, entry.Name);
            if (!allowed.Contains(entry.Name))
            {
                ok = false;
                if (entry.Name is "low" or "high")
                    diagnostics.Error(entry.Key.Location, keyPath, $"truncation (low/high) applies to continuous distributions only, and {kind.Name} is not one");
                else
                {
                    var known = allowed.Skip(1).ToList();
                    if (Suggestions.Closest(entry.Name, known) is { } meant) misspelt.Add(meant);
                    diagnostics.Error(entry.Key.Location, keyPath, $"{kind.Name} takes no '{entry.Name}'" + Suggestions.Hint(entry.Name, known));
                }
                continue;
            }
            var type = kind.Arguments.FirstOrDefault(a => a.Name == entry.Name)?.Type ?? DistributionArgumentType.Number;
            if (type == DistributionArgumentType.NumberList)
            {
                var list = ReadList(entry.Value, keyPath);
                if (list is null) ok = false;
                else lists[entry.Name] = list.Value;
                continue;
            }
            var status = ScalarReader.TryNumber(entry.Value, out var x);
            if (status == ScalarReader.Status.Ok) numbers[entry.Name] = x;
            else
            {
                ok = false;
                var what = status == ScalarReader.Status.OutOfRange ? ScalarReader.FiniteRange : type == DistributionArgumentType.Integer ? "a whole number" : "a number";
                diagnostics.Error(entry.Value.Location, keyPath, $"expected {what} (got {entry.Value.Describe()})");
            }
        }

        ok &= CheckRequired(kind, map, path, misspelt);
        if (!ok) return null;
        return new DistributionChecks(diagnostics, map.Location, path).Build(kind.Name, numbers, lists);
    }

    private bool CheckRequired(DistributionKind kind, YMap map, string path, HashSet<string> misspelt)
    {
        bool Has(string key) => map.Find(key) is not null || misspelt.Contains(key);
        var sets = kind.RequiredSets;
        if (sets.Length > 1)
        {
            var touched = sets.Where(set => set.Any(Has)).ToList();
            var described = string.Join(" or ", sets.Select(set => string.Join(" and ", set)));
            if (touched.Count > 1)
            {
                diagnostics.Error(map.Location, path, $"{kind.Name} takes either {string.Join(" or ", sets.Select(set => string.Join("/", set)))}, not both");
                return false;
            }
            if (touched.Count == 0)
            {
                diagnostics.Error(map.Location, path, $"{kind.Name} needs {described}");
                return false;
            }
            sets = [touched[0]];
        }
        var ok = true;
        foreach (var key in sets[0])
        {
            if (Has(key)) continue;
            diagnostics.Error(map.Location, path, $"{kind.Name} needs '{key}' (it has {string.Join(", ", map.Entries.Select(e => e.Name))})");
            ok = false;
        }
        return ok;
    }

    private ImmutableArray<double>? ReadList(YNode node, string path)
    {
        if (node is not YList list)
        {
            diagnostics.Error(node.Location, path, $"expected a list of numbers such as [1, 2, 3] (got {node.Describe()})");
            return null;
        }
        var values = ImmutableArray.CreateBuilder<double>(list.Items.Length);
        var ok = true;
        for (var i = 0; i < list.Items.Length; i++)
        {
            if (ScalarReader.TryNumber(list.Items[i], out var x) == ScalarReader.Status.Ok) values.Add(x);
            else
            {
                diagnostics.Error(list.Items[i].Location, $"{path}[{i}]", $"expected a finite number (got {list.Items[i].Describe()})");
                ok = false;
            }
        }
        return ok ? values.MoveToImmutable() : null;
    }

    private bool CheckDomain(DistributionSpec d, SourceLocation at, KeySpec spec, string path)
    {
        var ok = true;
        var (lo, hi) = CompiledDistribution.SupportOf(d);
        if (!spec.Domain.ContainsRange(lo, hi))
        {
            ok = false;
            if (d is FixedDistribution f)
                diagnostics.Error(at, path, $"must be {spec.Domain.Describe()} (got {ScalarReader.Format(f.Value)})");
            else
            {
                var fix = double.IsInfinity(lo) || double.IsInfinity(hi) ? "; truncate it with low/high or choose a bounded distribution" : "; choose bounds inside it";
                diagnostics.Error(at, path,
                    $"must be {spec.Domain.Describe()}, but this {d.Kind} takes values in [{Domain.Format(lo)}, {Domain.Format(hi)}]{fix}");
            }
        }
        if (ok && !CheckGuards(d, at, spec, path)) ok = false;
        if (spec.WholeNumbers && !(d.IsWholeValued || (d.IsConstant && lo == Math.Floor(lo))))
        {
            ok = false;
            diagnostics.Error(at, path, d is FixedDistribution f
                ? $"must be a whole number (got {ScalarReader.Format(f.Value)})"
                : $"needs whole numbers: a whole constant, uniform-int, bernoulli, or discrete with whole values (got {DescribeKind(d)})");
        }
        return ok;
    }

    /// <summary>
    /// The smallest and largest values <paramref name="d"/> can give: its support, or for an unbounded tail the most
    /// extreme draw the engine can make (uniforms within 2^-53 of 0 and 1).
    /// </summary>
    public static (double Lower, double Upper) ExtremeRange(DistributionSpec d)
    {
        var (lo, hi) = CompiledDistribution.SupportOf(d);
        if (double.IsInfinity(lo) || double.IsInfinity(hi))
        {
            var compiled = CompiledDistribution.Compile(d);
            if (double.IsInfinity(lo)) lo = compiled.Sample(Math.ScaleB(1.0, -53));
            if (double.IsInfinity(hi)) hi = compiled.Sample(1 - Math.ScaleB(1.0, -53));
        }
        return (lo, hi);
    }

    /// <summary>The finite guards of the domain (<see cref="Domain.Cap"/>): the most extreme value the parameter can take.</summary>
    private bool CheckGuards(DistributionSpec d, SourceLocation at, KeySpec spec, string path)
    {
        var domain = spec.Domain;
        if (double.IsPositiveInfinity(domain.Cap) && double.IsNegativeInfinity(domain.Floor)) return true;
        var (lo, hi) = ExtremeRange(d);
        var got = d is FixedDistribution f ? $"got {ScalarReader.Format(f.Value)}" : $"this {d.Kind} reaches {Domain.Format(hi > domain.Cap ? hi : lo)}";
        if (domain.GuardProblem(lo, hi, got) is not { } problem) return true;
        diagnostics.Error(at, path, problem);
        return false;
    }

    private static string DescribeKind(DistributionSpec d) => d is DiscreteDistribution ? "discrete with a fractional value" : d.Kind;
}
