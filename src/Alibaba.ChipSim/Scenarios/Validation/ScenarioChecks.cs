using System.Numerics;

namespace Alibaba.ChipSim.Scenarios.Validation;

/// <summary>Rules across sections: dates against the horizon, and correlations against the parameters.</summary>
internal sealed class ScenarioChecks(DiagnosticBag diagnostics)
{
    public void Check(CheckedNode root)
    {
        var calendar = Calendar(root);
        new ActorChecks(diagnostics).Check(root["actors"], calendar);
        CheckDates(root, calendar);
        CheckCorrelations(root);
        DealKeys.Check(root, calendar, diagnostics);
        new TargetChecks(diagnostics).Check(root, calendar);
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

        var shipments = root["shipments"];
        if (shipments?["first_delivery"] is not { Value: Month first } fd) return;
        if (calendar is not null && !calendar.Contains(first))
            diagnostics.Warning(fd.Location, fd.Path, $"{first} is outside the simulated months {calendar.Start} to {calendar.End}; the initial tranche is never planned");
        if (shipments["deadline"] is { Value: Month deadline } dl && deadline < first)
            diagnostics.Warning(dl.Location, dl.Path, $"deadline {deadline} is before first_delivery {first}, so delivered_by_deadline is always 0");
    }

    private void CheckCorrelations(CheckedNode root)
    {
        if (root["correlations"] is not { } correlations) return;
        var parameters = ScenarioBuilder.Parameters(root).ToDictionary(p => p.Path, p => p.Distribution, StringComparer.Ordinal);
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
                    diagnostics.Error(end.Location, end.Path, $"'{path}' is not a parameter of this scenario{hint}; gates are actors.A.states.S.gate, hazards actors.A.transitions.FROM->TO.monthly");
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
