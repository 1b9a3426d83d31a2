using System.Text;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Statistics;

namespace Alibaba.ChipSim.Output;

/// <summary>
/// <c>quarters.csv</c>: a long, fan-chart-friendly table with one row per reported quarter and metric, in time order:
/// <c>quarter,metric,mean,sd,p5,p25,p50,p75,p95</c>, then (added at the end, so readers of the first columns are unaffected)
/// <c>start,end</c> (the quarter's first and last day, ISO 8601) and <c>p10,p90</c>. After the quarters come the year totals
/// (<c>FY2027</c>) of each year whose four quarters are all reported: the statistics of each trial's four-quarter sum.
/// Invariant culture, LF line ends, empty = undefined.
/// </summary>
public sealed class QuartersCsvWriter : IRunFileWriter
{
    public const string Header = "quarter,metric,mean,sd,p5,p25,p50,p75,p95,start,end,p10,p90";

    public string FileName => "quarters.csv";

    public OutputFormats Format => OutputFormats.Csv;

    void IRunFileWriter.Write(Stream stream, SimulationResult result, RunSummary summary, CancellationToken cancellationToken)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        Write(writer, summary);
    }

    public static void Write(TextWriter writer, RunSummary summary)
    {
        writer.Write(Header);
        writer.Write('\n');
        foreach (var q in summary.Quarters.Concat(summary.Years))
        {
            writer.Write(CsvText.Escape(q.Quarter));
            writer.Write(',');
            writer.Write(CsvText.Escape(q.Metric));
            foreach (var value in (ReadOnlySpan<double?>)[q.Mean, q.Sd, q.P5, q.P25, q.P50, q.P75, q.P95])
            {
                writer.Write(',');
                writer.Write(CsvText.Format(value));
            }
            var dates = Model.QuarterDates.Of(q.Quarter);
            writer.Write(',');
            writer.Write(dates?.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(dates?.End.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(CsvText.Format(q.P10));
            writer.Write(',');
            writer.Write(CsvText.Format(q.P90));
            writer.Write('\n');
        }
        writer.Flush();
    }
}
