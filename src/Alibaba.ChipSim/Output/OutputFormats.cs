namespace Alibaba.ChipSim.Output;

/// <summary>Which files a run writes. <c>summary.json</c> is always written.</summary>
[Flags]
public enum OutputFormats
{
    None = 0,

    /// <summary><c>trials.csv</c> and <c>quarters.csv</c>.</summary>
    Csv = 1,

    /// <summary><c>summary.json</c> and <c>summary.csv</c> (always written).</summary>
    Json = 2,

    /// <summary><c>trials.parquet</c>.</summary>
    Parquet = 4,

    /// <summary><c>run.xlsx</c> (sheets Summary, Quarters, Targets, Trials).</summary>
    Xlsx = 8,

    Default = Csv | Json,
}
