namespace Alibaba.ChipSim.Outcomes;

/// <summary>
/// One per-trial outcome, described once: its column name, unit and kind, how tables show it, and the
/// roles it plays (a headline row of the console table, an output of the sensitivity analysis, a
/// per-quarter column). Columns, tables, sensitivity, snapshots and convergence all read this.
/// </summary>
/// <param name="Id">Which outcome it is (also its position in <see cref="OutcomeCatalogue.All"/>).</param>
/// <param name="Name">The snake_case name in <c>summary.json</c>, the trials files and <c>--until-se</c>.</param>
/// <param name="Unit">The unit of the stored value (the column is in this unit, whatever the display scale).</param>
/// <param name="Kind">How it is summarised and written.</param>
/// <param name="Label">The row label of the console table, display unit included.</param>
/// <param name="DisplayScale">The factor from the stored unit to the label's unit (1e-6 for USD shown as USD m).</param>
/// <param name="Headline">A P5/P50/P95 row of the console summary table (in catalogue order).</param>
/// <param name="SensitivityRank">Its position among the sensitivity outputs (1 first), 0 when it is not one.</param>
/// <param name="Quarterly">Also reported per quarter, as <c>{Name}_{quarter}</c>.</param>
/// <param name="Requires">The scenario keys it needs, or <see cref="OutcomeRequirement.None"/> for a metric every run has.</param>
public sealed record OutcomeMetric(
    Outcome Id,
    string Name,
    string Unit,
    OutcomeKind Kind,
    string Label,
    double DisplayScale = 1,
    bool Headline = false,
    int SensitivityRank = 0,
    bool Quarterly = false,
    OutcomeRequirement Requires = OutcomeRequirement.None)
{
    /// <summary>True for a 0/1 metric.</summary>
    public bool IsBinary => Kind == OutcomeKind.Binary;

    /// <summary>True when it is a sensitivity output.</summary>
    public bool IsSensitivityOutput => SensitivityRank > 0;
}
