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
        foreach (var row in Rows(summary))
        {
            writer.Write(CsvText.Escape(row.Period));
            writer.Write(',');
            writer.Write(CsvText.Escape(row.Metric));
            foreach (var value in row.Statistics)
            {
                writer.Write(',');
                writer.Write(value);
            }
            writer.Write('\n');
        }
        writer.Flush();
    }

    /// <summary>A row: quarter or year, metric, then mean, sd, p5, p25, p50, p75, p95, start, end, p10, p90 (dates as text).</summary>
    internal sealed record Row(string Period, string Metric, double? Mean, double? Sd, double? P5, double? P25, double? P50, double? P75,
        double? P95, string? Start, string? End, double? P10, double? P90)
    {
        public IEnumerable<string> Statistics =>
        [
            CsvText.Format(Mean), CsvText.Format(Sd), CsvText.Format(P5), CsvText.Format(P25), CsvText.Format(P50), CsvText.Format(P75),
            CsvText.Format(P95), Start ?? "", End ?? "", CsvText.Format(P10), CsvText.Format(P90),
        ];
    }

    /// <summary>
    /// The quarters, then the years. A quarter's p10/p90 come from its per-quarter metric in <c>metrics</c>
    /// (<c>cloud_revenue_cny_bn_FY2027Q1</c>), so a summary read back from <c>summary.json</c> gives the same file.
    /// </summary>
    internal static IEnumerable<Row> Rows(RunSummary summary)
    {
        foreach (var q in summary.Quarters)
        {
            var (start, end) = Dates(q.Quarter);
            var m = summary.Metric(SummaryBuilder.QuarterMetricName(q.Metric, q.Quarter));
            yield return new Row(q.Quarter, q.Metric, q.Mean, q.Sd, q.P5, q.P25, q.P50, q.P75, q.P95, start, end, m?.P10, m?.P90);
        }
        foreach (var y in summary.Years)
        {
            var (start, end) = Dates(y.Year);
            var s = y.Statistics;
            yield return new Row(y.Year, y.Metric, s.Mean, s.Sd, s.P5, s.P25, s.P50, s.P75, s.P95, start, end, s.P10, s.P90);
        }
    }

    private static (string? Start, string? End) Dates(string period) =>
        Model.QuarterDates.Of(period) is { } d
            ? (d.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), d.End.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            : (null, null);
}
