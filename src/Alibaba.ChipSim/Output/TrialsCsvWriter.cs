using System.Text;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Statistics;

namespace Alibaba.ChipSim.Output;

/// <summary>
/// <c>trials.csv</c>: one row per trial. Columns: <c>trial</c> (0-based index), every numeric metric (whole-number
/// metrics without decimals, missing = empty), every actor's final state by name, then every per-quarter metric
/// (<c>cloud_revenue_cny_bn_FY2027Q1</c>). Invariant culture, RFC 4180 quoting, LF line ends; streamed row by row.
/// </summary>
public sealed class TrialsCsvWriter : IRunFileWriter
{
    private const int RowsBetweenCancellationChecks = 4096;

    public string FileName => "trials.csv";

    public OutputFormats Format => OutputFormats.Csv;

    void IRunFileWriter.Write(Stream stream, SimulationResult result, RunSummary summary, CancellationToken cancellationToken)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        Write(writer, result, cancellationToken);
    }

    /// <summary>Writes the header and one row per trial to <paramref name="writer"/>, a row at a time.</summary>
    public static void Write(TextWriter writer, SimulationResult result, CancellationToken cancellationToken = default)
    {
        var numeric = new List<(double[] Values, bool Whole)>();
        var header = new List<string> { "trial" };
        foreach (var c in result.Numeric)
        {
            header.Add(c.Name);
            numeric.Add((c.Values, c.IsWholeNumber));
        }
        var categorical = new List<(byte[] Codes, string[] Names)>();
        foreach (var c in result.Categorical)
        {
            header.Add(c.Name);
            var names = new string[c.Categories.Length];
            for (var i = 0; i < names.Length; i++) names[i] = CsvText.Escape(c.Categories[i]);
            categorical.Add((c.Codes, names));
        }
        var quarterly = new List<double[]>();
        foreach (var qc in result.Quarterly)
        {
            for (var q = 0; q < qc.Quarters.Length; q++)
            {
                header.Add(SummaryBuilder.QuarterMetricName(qc.Metric, qc.Quarters[q]));
                quarterly.Add(qc.Values[q]);
            }
        }
        writer.Write(string.Join(',', header.Select(CsvText.Escape)));
        writer.Write('\n');

        var rowLength = CsvText.MaxNumberLength * (1 + numeric.Count + quarterly.Count) + 1;
        foreach (var (_, names) in categorical) rowLength += (names.Length == 0 ? 0 : names.Max(n => n.Length)) + 1;
        var row = new char[rowLength];
        for (long trial = 0; trial < result.Trials; trial++)
        {
            if (trial % RowsBetweenCancellationChecks == 0) cancellationToken.ThrowIfCancellationRequested();
            var t = (int)trial;
            var span = row.AsSpan();
            trial.TryFormat(span, out var at, default, System.Globalization.CultureInfo.InvariantCulture);
            foreach (var (values, whole) in numeric)
            {
                span[at++] = ',';
                at += CsvText.Format(values[t], whole, span[at..]);
            }
            foreach (var (codes, names) in categorical)
            {
                span[at++] = ',';
                var name = names[codes[t]];
                name.CopyTo(span[at..]);
                at += name.Length;
            }
            foreach (var values in quarterly)
            {
                span[at++] = ',';
                at += CsvText.Format(values[t], false, span[at..]);
            }
            span[at++] = '\n';
            writer.Write(row, 0, at);
        }
        writer.Flush();
    }
}
