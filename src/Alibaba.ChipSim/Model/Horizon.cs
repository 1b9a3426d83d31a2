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
    /// <param name="quarterOfYearOfMonth">Per simulated month, the quarter of the (fiscal or calendar) year it lies in, 1 to 4;
    /// when null, every month is taken as in Q1 (for cases without seasons).</param>
    public Horizon(int months, int firstDeliveryMonth, int deadlineMonth, int monthsFromBaseAtStart, int[] quarterOfMonth, int quarters,
        int[]? quarterOfYearOfMonth = null)
    {
        if (quarterOfMonth.Length != months) throw new ArgumentException("one quarter index per month", nameof(quarterOfMonth));
        quarterOfYearOfMonth ??= Enumerable.Repeat(1, months).ToArray();
        if (quarterOfYearOfMonth.Length != months) throw new ArgumentException("one quarter of the year per month", nameof(quarterOfYearOfMonth));
        QuarterIndexOfMonth = new int[months];
        var starts = new List<int>();
        for (var m = 0; m < months; m++)
        {
            // A new quarter begins where the quarter of the year changes (and at the first month).
            var next = m == 0 || quarterOfYearOfMonth[m] != quarterOfYearOfMonth[m - 1];
            if (next) starts.Add(quarterOfYearOfMonth[m]);
            QuarterIndexOfMonth[m] = starts.Count - 1;
        }
        QuarterOfYearOfQuarter = [.. starts];
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
            start.MonthsSince(scenario.Revenue.BaseMonth), layout.QuarterOfMonth, layout.Count,
            QuartersOfYear(start, scenario.Calendar.Months, scenario.Calendar.Quarters));
    }

    /// <summary>The quarter of the year (1 to 4) of each month: fiscal Q1 = Apr–Jun, calendar Q1 = Jan–Mar.</summary>
    public static int[] QuartersOfYear(Month start, int months, QuarterConvention convention)
    {
        var q = new int[months];
        for (var i = 0; i < months; i++)
        {
            var m = start.AddMonths(i).MonthOfYear;
            q[i] = convention == QuarterConvention.Calendar ? (m - 1) / 3 + 1 : m >= 4 ? (m - 4) / 3 + 1 : 4;
        }
        return q;
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

    /// <summary>Per simulated month, the index of its quarter among all quarters the horizon touches (partial ones too), 0 first.</summary>
    public int[] QuarterIndexOfMonth { get; }

    /// <summary>Per quarter the horizon touches, its quarter of the year (1 to 4).</summary>
    public int[] QuarterOfYearOfQuarter { get; }

    /// <summary>The number of quarters the horizon touches, partial ones included.</summary>
    public int AllQuarters => QuarterOfYearOfQuarter.Length;
}
