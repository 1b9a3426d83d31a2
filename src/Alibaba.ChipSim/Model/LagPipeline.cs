namespace Alibaba.ChipSim.Model;

/// <summary>
/// Chips between delivery and online (docs/model.md, "Capacity"): delivered in month m, online from
/// m + lag. The arrivals buffer (one slot per month) is the caller's, reused from trial to trial; every
/// slot read is cleared, so it is all zeros again when a trial ends.
/// </summary>
public struct LagPipeline
{
    /// <summary>Chips coming online in each month of the horizon.</summary>
    public double[] Arrivals;

    /// <summary>Whole months from delivery to online, at most the horizon (never online).</summary>
    public int LagMonths;

    /// <summary>Alibaba's H200s online this month.</summary>
    public double ChipsOnline;
}
