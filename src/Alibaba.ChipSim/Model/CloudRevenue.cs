using System.Runtime.CompilerServices;

namespace Alibaba.ChipSim.Model;

/// <summary>The monthly capacity and revenue arithmetic of docs/model.md, "Capacity" and "Revenue" (revenue in CNY bn).</summary>
public static class CloudRevenue
{
    /// <summary>The AI revenue (CNY bn a month) that the H20-equivalents online can serve.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double H200CapacityCnyBn(double h20eOnline, double revenuePerH20eMonthCny, double utilization) =>
        h20eOnline * revenuePerH20eMonthCny * utilization / 1e9;

    /// <summary>
    /// AI revenue served: demand, capped by baseline plus H200 capacity. The processor's minimum (as in
    /// <see cref="ShipmentRules"/>): demand and capacity are finite and never NaN, and their sum is never −0, so it gives
    /// Math.Min's bits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double AiServed(double aiDemand, double baselineCapacity, double h200Capacity) =>
        double.MinNative(aiDemand, baselineCapacity + h200Capacity);

    /// <summary>
    /// Return on the purchase: incremental gross profit (CNY bn) per CNY spent, as a plain ratio;
    /// missing (NaN) when nothing was bought (cost 0), and 0 when the purchase adds no revenue.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Roi(double incrementalGrossProfitCnyBn, double costCny) =>
        costCny == 0 ? double.NaN : incrementalGrossProfitCnyBn * 1e9 / costCny;
}
