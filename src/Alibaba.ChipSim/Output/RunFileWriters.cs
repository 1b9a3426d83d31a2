using System.Collections.Immutable;

namespace Alibaba.ChipSim.Output;

/// <summary>Every file a run can write, in the order they are written.</summary>
public static class RunFileWriters
{
    public static ImmutableArray<IRunFileWriter> All { get; } =
    [
        new SummaryJsonWriter(),
        new SummaryCsvWriter(),
        new TrialsCsvWriter(),
        new QuartersCsvWriter(),
        new TrialsParquetWriter(),
        new RunXlsxWriter(),
    ];
}
