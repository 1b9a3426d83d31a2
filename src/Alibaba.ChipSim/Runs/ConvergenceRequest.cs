using Alibaba.ChipSim.Statistics.Convergence;

namespace Alibaba.ChipSim.Runs;

/// <summary><c>--until-se</c>: batches of <see cref="BatchTrials"/> until <see cref="Target"/> is met or <see cref="MaxTrials"/> are run.</summary>
public sealed record ConvergenceRequest(SeTarget Target, int BatchTrials = ConvergenceRequest.DefaultBatchTrials, long MaxTrials = ConvergenceRequest.DefaultMaxTrials)
{
    public const int DefaultBatchTrials = 10_000;
    public const long DefaultMaxTrials = 1_000_000;
}
