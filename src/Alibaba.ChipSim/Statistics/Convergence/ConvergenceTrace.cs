using System.Collections.Immutable;

namespace Alibaba.ChipSim.Statistics.Convergence;

/// <summary>
/// The <c>convergence</c> section of a run under <c>--until-se</c>: the rule, the batches run, and whether
/// the target was met before <see cref="MaxTrials"/>.
/// </summary>
public sealed record ConvergenceTrace(SeTarget Target, int BatchTrials, long MaxTrials, bool Converged, ImmutableArray<ConvergencePoint> Points)
{
    public long Trials => Points.IsEmpty ? 0 : Points[^1].Trials;
}
