using System.Collections.Immutable;
using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Output.Scoring;

/// <summary>What <c>chipsim score</c> found: the run scored, whether its trials were weighted, and a score per actual.</summary>
public sealed record ScoreReport(
    string RunFolder,
    string TrialsFile,
    string? Scenario,
    long Trials,
    bool Weighted,
    double Ess,
    Month? Start,
    string ActualsFile,
    ImmutableArray<ValueScore> Values,
    ImmutableArray<EventScore> Events)
{
    /// <summary>How many actuals got a score (the others carry a note saying why not).</summary>
    public int Scored => Values.Count(v => v.Crps is not null) + Events.Count(e => e.Brier is not null);
}
