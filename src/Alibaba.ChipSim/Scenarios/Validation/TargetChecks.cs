namespace Alibaba.ChipSim.Scenarios.Validation;

/// <summary><c>targets:</c>: each names a per-trial metric of the scenario (with a hint when not) and exactly one of below/above.</summary>
internal sealed class TargetChecks(DiagnosticBag diagnostics)
{
    public void Check(CheckedNode root, CalendarSpec? calendar)
    {
        if (root["targets"] is not { } targets) return;
        var actors = (root["actors"]?.Entries ?? []).Select(a => (a.Name, (a.Node["states"]?.Entries ?? []).Select(s => s.Name)));
        var known = TargetMetrics.Of(calendar, actors);
        foreach (var item in targets.Items)
        {
            if (item["metric"] is { Value: string metric } m && !known.Contains(metric))
            {
                diagnostics.Error(m.Location, m.Path, $"'{metric}' is not a per-trial metric of this scenario"
                    + Suggestions.Hint(metric, Suggestions.Closest(metric, known) is null ? TargetMetrics.Outcomes.ToList() : known.ToList()));
            }
            var below = item.WrittenKeys.Contains("below");
            var above = item.WrittenKeys.Contains("above");
            if (below == above)
            {
                diagnostics.Error(item.Location, item.Path, below
                    ? "gives both below and above; a target is one of P(metric < below) or P(metric > above): split it in two"
                    : "needs below: X (for P(metric < X)) or above: X (for P(metric > X))");
            }
        }
    }

    public static TargetSpec Build(CheckedNode item)
    {
        var below = item["below"]?.Value is double;
        var threshold = (double)(below ? item["below"]!.Value! : item["above"]!.Value!);
        return new TargetSpec(item.Text("metric")!, below, threshold, item.Text("description"), item.Location);
    }
}
