using System.Collections.Immutable;

namespace Alibaba.ChipSim.Output;

/// <summary>The sections of <c>summary.json</c>, in the order written.</summary>
internal static class SummarySections
{
    public static ImmutableArray<ISummarySection> All { get; } =
    [
        new CalendarSection(),
        new HistorySection(),
        new MetricsSection(),
        new QuartersSection(),
        new TargetsSection(),
        new SensitivitySection(),
        new ConvergenceSection(),
    ];
}
