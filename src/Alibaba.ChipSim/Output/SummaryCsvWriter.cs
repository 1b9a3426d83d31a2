using System.Globalization;
using System.Text;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Statistics;

namespace Alibaba.ChipSim.Output;

/// <summary>
/// <c>summary.csv</c>, written with every <c>summary.json</c>: the summary as one flat table for spreadsheets, a row
/// per metric (see <see cref="SummaryRows"/>), columns <c>metric,label,unit,count,mean,sd,se,min,p1…p99,max,var5,cvar5,
/// var95,cvar95,probability,ci95_low,ci95_high</c>. Invariant culture, shortest round-trip numbers, RFC 4180 quoting,
/// LF line ends; an empty cell is a statistic that does not apply or is undefined.
/// </summary>
public sealed class SummaryCsvWriter : IRunFileWriter
{
    public string FileName => "summary.csv";

    public OutputFormats Format => OutputFormats.Json;

    void IRunFileWriter.Write(Stream stream, SimulationResult result, RunSummary summary, CancellationToken cancellationToken) =>
        Write(stream, summary, result.Scenario);

    /// <summary>The file's bytes (UTF-8 without a byte order mark), with the labels and units of <paramref name="scenario"/>.</summary>
    public static void Write(Stream stream, RunSummary summary, Scenarios.Scenario? scenario)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        Write(writer, summary, scenario);
    }

    public static void Write(TextWriter writer, RunSummary summary, Scenarios.Scenario? scenario = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(summary);
        writer.Write(string.Join(',', SummaryRows.Columns));
        writer.Write('\n');
        foreach (var row in SummaryRows.Of(summary, scenario))
        {
            writer.Write(CsvText.Escape(row.Metric));
            writer.Write(',');
            writer.Write(CsvText.Escape(row.Label));
            writer.Write(',');
            writer.Write(CsvText.Escape(row.Unit));
            writer.Write(',');
            writer.Write(row.Count?.ToString(CultureInfo.InvariantCulture));
            foreach (var v in row.Statistics)
            {
                writer.Write(',');
                writer.Write(CsvText.Format(v));
            }
            writer.Write('\n');
        }
        writer.Flush();
    }
}
