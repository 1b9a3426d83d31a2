using System.Runtime.CompilerServices;

namespace Alibaba.ChipSim.Model;

/// <summary>The fee and cost formulas of docs/model.md, "Cost and fee" (USD unless the name says CNY).</summary>
public static class CostAndFee
{
    /// <summary>What the US collects: every chip shipped to China × price × fee rate.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double FeeTotalUsd(double chipsShipped, double pricePerChipUsd, double feeRate) =>
        chipsShipped * pricePerChipUsd * feeRate;

    /// <summary>The part of the fee Alibaba bears through the price: its chips × price × fee rate × pass-through.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double FeeBorneUsd(double buyerChips, double pricePerChipUsd, double feeRate, double passThrough) =>
        buyerChips * pricePerChipUsd * feeRate * passThrough;

    /// <summary>Alibaba's outlay: its chips × price × (1 + fee rate × pass-through).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double CostUsd(double buyerChips, double pricePerChipUsd, double feeRate, double passThrough) =>
        buyerChips * pricePerChipUsd * (1 + feeRate * passThrough);
}
