using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Model;

/// <summary>
/// What the monthly model needs of a scenario's calendar, fixed for every trial: the number of months,
/// when the initial tranche may ship and its deadline, where revenue growth starts, and the reported
/// quarter of each month (docs/model.md, "Quarters").
/// </summary>
public sealed class Horizon
{
    /// <param name="quarterOfMonth">Per simulated month, its reported quarter's index, or −1 (a partial quarter).</param>
    public Horizon(int months, int firstDeliveryMonth, int deadlineMonth, int monthsFromBaseAtStart, int[] quarterOfMonth, int quarters)
    {
        if (quarterOfMonth.Length != months) throw new ArgumentException("one quarter index per month", nameof(quarterOfMonth));
        Months = months;
        FirstDeliveryMonth = firstDeliveryMonth;
        DeadlineMonth = deadlineMonth;
        MonthsFromBaseAtStart = monthsFromBaseAtStart;
        QuarterOfMonth = quarterOfMonth;
        Quarters = quarters;
    }

    /// <summary>The horizon of <paramref name="scenario"/>, with its reported quarters laid out by <paramref name="layout"/>.</summary>
    public static Horizon Of(Scenario scenario, QuarterLayout layout)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(layout);
        var start = scenario.Calendar.Start;
        var s = scenario.Shipments;
        // A first delivery planned before the horizon waits for the first simulated month.
        return new Horizon(scenario.Calendar.Months, Math.Max(0, s.FirstDelivery.MonthsSince(start)), s.Deadline.MonthsSince(start),
            start.MonthsSince(scenario.Revenue.BaseMonth), layout.QuarterOfMonth, layout.Count);
    }

    public int Months { get; }

    /// <summary>The first month (from the start, ≥ 0) in which the initial tranche may ship.</summary>
    public int FirstDeliveryMonth { get; }

    /// <summary>The deadline counted from the start (negative, or past the horizon, when outside it).</summary>
    public int DeadlineMonth { get; }

    /// <summary>t of the first simulated month: whole months from <c>revenue.base_month</c>.</summary>
    public int MonthsFromBaseAtStart { get; }

    /// <summary>Per simulated month, its reported quarter's index, or −1.</summary>
    public int[] QuarterOfMonth { get; }

    /// <summary>The number of reported quarters.</summary>
    public int Quarters { get; }
}
