using System.Runtime.CompilerServices;

namespace Alibaba.ChipSim.Model;

/// <summary>
/// The shipment arithmetic of docs/model.md, "Shipments". Every floor is floor(x + 1e-9), so that a product that is
/// whole in decimal arithmetic is not lost to binary rounding (25 × 8 × 0.29 is 57.99999999999999 in
/// binary, 58 here). Counts are doubles holding whole numbers (exact up to 2^53).
/// <para>
/// The minima and maxima are the processor's own (<see cref="double.MinNative"/>, <see cref="double.MaxNative"/>:
/// one instruction each, where <see cref="Math.Min(double, double)"/> adds the checks for NaN and for −0 against +0 that
/// cost the month loop a chain of stores and reloads). They give the same bits here: the counts, rates and gates are finite
/// or +∞ (an unset cap), never NaN, and no operand is −0 (a floor of a non-negative number plus the slack, or a
/// difference of equal numbers, is +0).
/// </para>
/// </summary>
public static class ShipmentRules
{
    /// <summary>The slack added before every floor.</summary>
    public const double FloorSlack = 1e-9;

    /// <summary>floor(x + 1e-9).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double FloorWhole(double x) => Math.Floor(x + FloorSlack);

    /// <summary>
    /// Modules of the initial tranche shipped in its month: floor(initial × gate), and no more than the
    /// supply cap (<paramref name="cap"/> = +∞ when unset). The tranche counts as shipped even when this is 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double InitialTrancheModules(double initialModules, double gate, double cap) =>
        double.MinNative(FloorWhole(initialModules * gate), cap);

    /// <summary>
    /// Follow-on modules in a month after the initial tranche's: floor(rate × gate), but only the
    /// remainder up to the cap in the month that reaches it (0 once it is reached).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double FollowOnModules(double ratePerMonth, double gate, double shippedSoFar, double cap) =>
        double.MaxNative(0.0, double.MinNative(FloorWhole(ratePerMonth * gate), cap - shippedSoFar));

    /// <summary>Alibaba's chips from a month's modules: floor((modules × chips per module) × buyer share).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double BuyerChips(double modules, double chipsPerModule, double buyerShare) =>
        FloorWhole(modules * chipsPerModule * buyerShare);

    /// <summary>
    /// Alibaba's chips of a month under its licence cap: all of <paramref name="chips"/> while they fit, only the
    /// remainder in the month that reaches the cap, none after (<paramref name="cap"/> = +∞ when unset).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double CappedBuyerChips(double chips, double deliveredSoFar, double cap) =>
        double.MaxNative(0.0, double.MinNative(chips, cap - deliveredSoFar));
}
