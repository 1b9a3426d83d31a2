namespace Alibaba.ChipSim.Model;

/// <summary>
/// One trial's value over the chips' life so far (CNY bn, discounted to the first simulated month): cost paid,
/// gross profit earned month by month, and the cohorts of chips by the months they come online and retire.
/// </summary>
public struct ValueState
{
    public double DiscountedCostCnyBn;
    public double DiscountedGrossProfitCnyBn;

    /// <summary>The discounted gross profit through each month of the horizon.</summary>
    public double[] CumulativeGrossProfit;

    /// <summary>Chips coming online (+) and reaching the end of their life (−) by month from the start; grows when needed.</summary>
    public double[] CohortChange;

    /// <summary>The highest index of <see cref="CohortChange"/> written this trial (−1 when none).</summary>
    public int LastChange;

    /// <summary>The last simulated month's incremental gross profit (undiscounted).</summary>
    public double LastMonthGrossProfit;

    /// <summary>Whole months from delivery to online, not limited to the horizon.</summary>
    public int LagMonths;
}
