using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Statistics;

/// <summary>
/// summary.json's <c>history</c> block: the last observed month, the trials with weight &gt; 0, the effective sample size
/// (Σw)²/Σw² over all trials and the log evidence ln(mean of w over all trials) (docs/forecast-scoring.md, "Weighted statistics");
/// for a history applied from its own file (<c>--history FILE</c>), the file's name and the SHA-256 of its bytes.
/// </summary>
public sealed record HistorySummary(Month AsOf, long TrialsWithWeight, double Ess, double LogEvidence, string? File = null, string? Sha256 = null);
