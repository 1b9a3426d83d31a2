namespace Alibaba.ChipSim.Scenarios.Actuals;

/// <summary>
/// An event that did or did not happen: either the first delivery by a month (<see cref="FirstDeliveryBy"/>, from
/// <c>months_to_first_delivery</c> and the run's first month) or a 0/1 metric (<see cref="Metric"/>, e.g. <c>delivered_by_deadline</c>).
/// Exactly one of the two is set.
/// </summary>
public sealed record ObservedEvent(Month? FirstDeliveryBy, string? Metric, bool Happened, string? Description, SourceLocation Location)
{
    /// <summary>How the event reads in a table: "first delivery by 2026-06" or the metric's name.</summary>
    public string Label => FirstDeliveryBy is { } m ? $"first delivery by {m}" : Metric!;
}
