using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Report;

/// <summary>The scenario's inputs as a table: readable label, path in the YAML, and the distribution as written.</summary>
internal static class AssumptionsTable
{
    public static readonly string[] Header = ["Input", "Path in the scenario", "Value or distribution", "Drawn"];

    public static IEnumerable<IReadOnlyList<string>> Rows(Scenario scenario)
    {
        foreach (var p in scenario.AllParameters())
        {
            var label = ParameterLabels.Of(p.Path, scenario);
            if (ParameterLabels.DescriptionOf(p.Path, scenario) is { Length: > 0 } description) label += $" ({description})";
            yield return [label, p.Path, DistributionText.Of(p.Distribution), p.IsUncertain ? "once per trial" : "constant"];
        }
        foreach (var actor in scenario.Actors)
            foreach (var t in actor.Transitions)
                if (t.At is { } at)
                    yield return [$"{ParameterLabels.Capitalised(actor.Name)}: {ParameterLabels.Readable(t.From)} → {ParameterLabels.Readable(t.To)} on schedule",
                        $"actors.{actor.Name}.transitions.{t.From}->{t.To}.at", at.ToString(), "date"];
    }
}
