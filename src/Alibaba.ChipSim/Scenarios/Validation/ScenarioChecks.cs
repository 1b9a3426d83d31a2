using System.Numerics;

namespace Alibaba.ChipSim.Scenarios.Validation;

/// <summary>Rules across sections: dates against the horizon, and correlations against the parameters.</summary>
internal sealed class ScenarioChecks(DiagnosticBag diagnostics)
{
    /// <summary>Growth counts from base_month: at most this many months before the start keeps (1 + growth)^years finite.</summary>
    public const int MaxMonthsFromBase = 120;

    public void Check(CheckedNode root)
    {
        var calendar = Calendar(root);
        new ActorChecks(diagnostics).Check(root["actors"], calendar);
        CheckDates(root, calendar);
        CheckGrowthOverTheHorizon(root, calendar);
        CheckCorrelations(root);
        DealKeys.Check(root, calendar, diagnostics);
        new TargetChecks(diagnostics).Check(root, calendar);
    }

    /// <summary>The largest factor a yearly growth rate may compound to over base_month → horizon end (10^60).</summary>
    public const double MaxGrowthFactorLog10 = 60;

    private static readonly (string Section, string Key)[] GrowthRates =
        [("compute", "baseline_capacity_growth_yoy"), ("revenue", "non_ai_growth_yoy"), ("revenue", "ai_demand_growth_yoy")];

    /// <summary>
    /// Growth compounds from base_month to the last simulated month: (1 + g)^years must stay far from overflow, or
    /// revenues, their squares (standard deviations) and sums over trials become infinite.
    /// </summary>
    private void CheckGrowthOverTheHorizon(CheckedNode root, CalendarSpec? calendar)
    {
        if (calendar is null || root["revenue"]?["base_month"] is not { Value: Month baseMonth }) return;
        // A base_month out of its own range is reported once, at base_month, not again at every growth rate.
        var fromBase = calendar.Start.MonthsSince(baseMonth);
        if (fromBase < 0 || fromBase > MaxMonthsFromBase) return;
        var years = (calendar.End.MonthsSince(baseMonth) + 1) / 12.0;
        foreach (var (section, key) in GrowthRates)
        {
            if (root[section]?[key] is not { Value: Distributions.DistributionSpec d } node) continue;
            var (_, hi) = DistributionReader.ExtremeRange(d);
            if (!(hi > 0) || years * Math.Log10(1 + hi) <= MaxGrowthFactorLog10) continue;
            var most = Math.Pow(10, MaxGrowthFactorLog10 / years) - 1;
            diagnostics.Error(node.Location, node.Path, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"compounds to more than 1e{MaxGrowthFactorLog10} over the {years:0.#} years from base_month {baseMonth} to {calendar.End}, a limit that keeps every result finite; with this horizon a growth rate is at most {most:G3} (this one reaches {hi:G6})"));
        }
    }

    /// <summary>The calendar, when its keys are valid.</summary>
    public static CalendarSpec? Calendar(CheckedNode root)
    {
        var c = root["calendar"];
        if (c?.Month("start") is not { } start || c["months"]?.Value is not BigInteger months) return null;
        var quarters = c.Text("quarters") == "calendar" ? QuarterConvention.Calendar : QuarterConvention.Fiscal;
        return new CalendarSpec(start, (int)months, quarters);
    }

    private void CheckDates(CheckedNode root, CalendarSpec? calendar)
    {
        var revenue = root["revenue"];
        var start = root["calendar"]?.Month("start");
        if (revenue?["base_month"] is { Value: Month baseMonth } b && start is { } s && baseMonth > s)
            diagnostics.Error(b.Location, b.Path, $"base_month must be on or before calendar.start (got base_month {baseMonth}, start {s})");
        else if (revenue?["base_month"] is { Value: Month early } e && start is { } s2 && s2.MonthsSince(early) > MaxMonthsFromBase)
            diagnostics.Error(e.Location, e.Path,
                $"base_month must be at most {MaxMonthsFromBase} months before calendar.start, a limit that keeps growth over the horizon finite (got base_month {early}, start {s2}: {s2.MonthsSince(early)} months)");

        var shipments = root["shipments"];
        if (shipments?["first_delivery"] is not { Value: Month first } fd) return;
        if (calendar is not null && !calendar.Contains(first))
            diagnostics.Warning(fd.Location, fd.Path, $"{first} is outside the simulated months {calendar.Start} to {calendar.End}; the initial tranche is never planned");
        if (shipments["deadline"] is { Value: Month deadline } dl && deadline < first)
            diagnostics.Warning(dl.Location, dl.Path, $"deadline {deadline} is before first_delivery {first}, so delivered_by_deadline is always 0");
    }

    /// <summary>A path is quoted only when it reads as one (key names and '.', '-', '>'); other text is not repeated.</summary>
    private static string Shown(string path) =>
        path.Length <= 120 && path.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' or '>') ? $"'{path}'" : "this path";

    private void CheckCorrelations(CheckedNode root)
    {
        if (root["correlations"] is not { } correlations) return;
        // TryAdd, not ToDictionary: the document may already be known to be invalid (two hazards on one from->to
        // give one path twice, reported by ActorChecks as "merge them"), and this check must not throw on it.
        var parameters = new Dictionary<string, Distributions.DistributionSpec>(StringComparer.Ordinal);
        foreach (var p in ScenarioBuilder.Parameters(root)) parameters.TryAdd(p.Path, p.Distribution);
        var uncertain = parameters.Where(p => !p.Value.IsConstant).Select(p => p.Key).ToList();
        var seen = new Dictionary<(string, string), CheckedNode>();
        var pairs = new List<(CorrelationSpec, string)>();
        var complete = true;
        foreach (var item in correlations.Items)
        {
            if (item["between"] is not { } between || between.Items.Length != 2 || item["rho"]?.Value is not double rho)
            {
                complete = false;
                continue;
            }
            var ok = true;
            foreach (var end in between.Items)
            {
                var path = (string)end.Value!;
                if (!parameters.TryGetValue(path, out var d))
                {
                    ok = false;
                    var hint = StructureChecker.DidYouMean(path, parameters.Keys);
                    diagnostics.Error(end.Location, end.Path, $"{Shown(path)} is not a parameter of this scenario{hint}; gates are actors.A.states.S.gate, hazards actors.A.transitions.FROM->TO.monthly");
                }
                else if (d.IsConstant)
                {
                    ok = false;
                    diagnostics.Error(end.Location, end.Path, $"'{path}' is a constant in this scenario; correlations apply to uncertain parameters ({uncertain.Count} here)");
                }
            }
            if (!ok)
            {
                complete = false;
                continue;
            }
            var a = (string)between.Items[0].Value!;
            var b = (string)between.Items[1].Value!;
            if (a == b)
            {
                diagnostics.Error(between.Location, between.Path, $"correlates '{a}' with itself");
                complete = false;
                continue;
            }
            var key = string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);
            if (seen.TryGetValue(key, out var first))
            {
                diagnostics.Error(between.Location, between.Path, $"'{a}' and '{b}' are already correlated at {first.Path} (line {first.Location.Line}); keep one");
                complete = false;
            }
            else
            {
                seen[key] = item;
                pairs.Add((new CorrelationSpec(a, b, rho, item.Location), item.Path));
            }
        }
        // The matrix as a whole, once every pair is valid on its own (else its eigenvalues mean little).
        if (complete)
            foreach (var d in CorrelationMatrixCheck.CheckAt(pairs)) diagnostics.Add(d);
    }
}
