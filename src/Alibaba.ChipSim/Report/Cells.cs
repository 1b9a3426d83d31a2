using System.Globalization;
using Alibaba.ChipSim.Statistics;

namespace Alibaba.ChipSim.Report;

/// <summary>Table rows of the page, formatted in the invariant culture from the summaries' figures.</summary>
internal static class Cells
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static IReadOnlyList<string> HeadlineRow(HeadlineFigure f)
    {
        var count = $"{f.Count.ToString("#,0", Invariant)} of {f.Trials.ToString("#,0", Invariant)}";
        if (f.Probability is { } p) return [f.Label, f.Unit, Percent(p), "", "", "", count];
        return [f.Label, f.Unit, Value(f.Mean, f.Format), Value(f.P5, f.Format), Value(f.P50, f.Format), Value(f.P95, f.Format), count];
    }

    /// <summary>A comparison cell: the probability, or the median with P5–P95, or why there is no spread.</summary>
    public static string Compared(HeadlineFigure? f) =>
        f is null ? "—"
        : f.Probability is { } p ? Percent(p)
        : f.Count == 0 ? "no value"
        : f.Degenerate ? $"{Value(f.P50, f.Format)} in every trial"
        : $"{Value(f.P50, f.Format)} ({Value(f.P5, f.Format)} – {Value(f.P95, f.Format)})";

    public static IEnumerable<IReadOnlyList<string>> FinalStateRows(IReadOnlyList<RunSummary> summaries)
    {
        var perScenario = summaries.Select(HeadlineFigures.FinalStates).ToList();
        var keys = perScenario.SelectMany(r => r.Select(x => (x.Actor, x.State))).Distinct().ToList();
        foreach (var (actor, state) in keys)
        {
            var row = new List<string> { ParameterLabels.Capitalised(actor), ParameterLabels.Readable(state) };
            foreach (var rows in perScenario)
            {
                var match = rows.Where(x => x.Actor == actor && x.State == state).ToList();
                row.Add(match.Count == 0 ? "—" : Percent(match[0].Share));
            }
            yield return row;
        }
    }

    public static string Percent(double share) => double.IsNaN(share) ? "—" : (100 * share).ToString("0.0", Invariant) + "%";

    public static string Value(double v, string format) => double.IsNaN(v) ? "—" : v.ToString(format, Invariant);
}
