using System.Globalization;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Statistics;
using SpreadCheetah;
using SpreadCheetah.Worksheets;

namespace Alibaba.ChipSim.Output;

/// <summary>
/// <c>run.xlsx</c> (<c>--format xlsx</c>), streamed with SpreadCheetah: sheet Summary (the rows of <c>summary.csv</c>),
/// Quarters (the rows of <c>quarters.csv</c>), Targets, and Trials (the columns of <c>trials.csv</c>, drawn inputs
/// included). Excel holds 1,048,576 rows a sheet: beyond that, Trials ends with a row that says how many trials it
/// shows (every trial is in <c>trials.csv</c> and <c>trials.parquet</c>), and <see cref="TruncationNote"/> gives the
/// message for the console. Numbers are stored as numbers (full double precision), empty cells are undefined values.
/// Deflate at the optimal level: at 100,000 base.yaml trials 62 MB in 22 s, against 96 MB in 14 s at the fastest.
/// </summary>
public sealed class RunXlsxWriter : IRunFileWriter
{
    /// <summary>Excel's rows per sheet.</summary>
    public const int ExcelRows = 1_048_576;

    public string FileName => "run.xlsx";

    public OutputFormats Format => OutputFormats.Xlsx;

    void IRunFileWriter.Write(Stream stream, SimulationResult result, RunSummary summary, CancellationToken cancellationToken) =>
        WriteAsync(stream, result, summary, ExcelRows, cancellationToken).AsTask().GetAwaiter().GetResult();

    /// <summary>The trial rows the Trials sheet shows for <paramref name="trials"/> trials with a sheet of <paramref name="sheetRows"/> rows.</summary>
    public static long TrialRowsShown(long trials, int sheetRows = ExcelRows) =>
        trials <= sheetRows - 1 ? trials : sheetRows - 2; // the header, and the last row for the note

    /// <summary>The note written in the Trials sheet (and for the console) when it cannot hold every trial; null when it can.</summary>
    public static string? TruncationNote(long trials, int sheetRows = ExcelRows) =>
        TrialRowsShown(trials, sheetRows) == trials
            ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"run.xlsx: the Trials sheet shows the first {TrialRowsShown(trials, sheetRows):N0} of {trials:N0} trials (Excel's limit is {sheetRows:N0} rows a sheet); every trial is in trials.csv and trials.parquet");

    /// <param name="sheetRows">Rows a sheet may hold (Excel's limit; smaller in tests of the truncation).</param>
    public static async ValueTask WriteAsync(Stream stream, SimulationResult result, RunSummary summary, int sheetRows = ExcelRows,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentOutOfRangeException.ThrowIfLessThan(sheetRows, 3);
        var frozen = new WorksheetOptions { FrozenRows = 1 };
        var options = new SpreadCheetahOptions { CompressionLevel = SpreadCheetahCompressionLevel.Optimal };
        await using var book = await Spreadsheet.CreateNewAsync(stream, options, cancellationToken).ConfigureAwait(false);

        await book.StartWorksheetAsync("Summary", frozen, cancellationToken).ConfigureAwait(false);
        await book.AddHeaderRowAsync([.. SummaryRows.Columns], token: cancellationToken).ConfigureAwait(false);
        foreach (var row in SummaryRows.Of(summary, result.Scenario))
        {
            var cells = new DataCell[4 + row.Statistics.Length];
            cells[0] = new DataCell(row.Metric);
            cells[1] = new DataCell(row.Label);
            cells[2] = new DataCell(row.Unit);
            cells[3] = new DataCell(row.Count);
            for (var i = 0; i < row.Statistics.Length; i++) cells[4 + i] = Number(row.Statistics[i]);
            await book.AddRowAsync(cells, cancellationToken).ConfigureAwait(false);
        }

        await book.StartWorksheetAsync("Quarters", frozen, cancellationToken).ConfigureAwait(false);
        await book.AddHeaderRowAsync(QuartersCsvWriter.Header.Split(','), token: cancellationToken).ConfigureAwait(false);
        foreach (var q in QuartersCsvWriter.Rows(summary))
        {
            DataCell[] cells =
            [
                new(q.Period), new(q.Metric), Number(q.Mean), Number(q.Sd), Number(q.P5), Number(q.P25), Number(q.P50), Number(q.P75), Number(q.P95),
                new(q.Start), new(q.End), Number(q.P10), Number(q.P90),
            ];
            await book.AddRowAsync(cells, cancellationToken).ConfigureAwait(false);
        }

        await book.StartWorksheetAsync("Targets", frozen, cancellationToken).ConfigureAwait(false);
        await book.AddHeaderRowAsync(["metric", "op", "threshold", "description", "probability", "ci95_low", "ci95_high", "count"], token: cancellationToken)
            .ConfigureAwait(false);
        foreach (var t in summary.Targets)
        {
            DataCell[] cells =
            [
                new(t.Target.Metric), new(t.Target.Operator), new(t.Target.Threshold), new(t.Target.Description),
                Number(t.Probability), Number(t.Ci95?.Low), Number(t.Ci95?.High), new(t.Count),
            ];
            await book.AddRowAsync(cells, cancellationToken).ConfigureAwait(false);
        }

        await book.StartWorksheetAsync("Trials", frozen, cancellationToken).ConfigureAwait(false);
        await WriteTrialsAsync(book, result, sheetRows, cancellationToken).ConfigureAwait(false);
        await book.FinishAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async ValueTask WriteTrialsAsync(Spreadsheet book, SimulationResult result, int sheetRows, CancellationToken cancellationToken)
    {
        var header = new List<string> { "trial" };
        var numeric = new List<(double[] Values, bool Whole)>();
        foreach (var c in result.Numeric)
        {
            header.Add(c.Name);
            numeric.Add((c.Values, c.IsWholeNumber));
        }
        foreach (var c in result.Categorical) header.Add(c.Name);
        foreach (var qc in result.Quarterly)
            for (var q = 0; q < qc.Quarters.Length; q++)
            {
                header.Add(SummaryBuilder.QuarterMetricName(qc.Metric, qc.Quarters[q]));
                numeric.Add((qc.Values[q], false));
            }
        var inputs = TrialInputs.Of(result);
        header.AddRange(inputs.Names);
        await book.AddHeaderRowAsync(header, token: cancellationToken).ConfigureAwait(false);

        var shown = (int)TrialRowsShown(result.Trials, sheetRows);
        var cells = new DataCell[header.Count];
        var block = TrialsCsvWriter.BlockRows;
        var values = inputs.Buffer(block);
        var outcomes = result.Numeric.Length;
        for (var first = 0; first < shown; first += block)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rows = Math.Min(block, shown - first);
            inputs.Fill(first, rows, values);
            for (var r = 0; r < rows; r++)
            {
                var t = first + r;
                var at = 0;
                cells[at++] = new DataCell(t);
                for (var i = 0; i < outcomes; i++) cells[at++] = Number(numeric[i].Values[t]);
                foreach (var c in result.Categorical) cells[at++] = new DataCell(c.Categories[c.Codes[t]]);
                for (var i = outcomes; i < numeric.Count; i++) cells[at++] = Number(numeric[i].Values[t]);
                for (var i = 0; i < inputs.Count; i++) cells[at++] = Number(values[i][r]);
                await book.AddRowAsync(cells, cancellationToken).ConfigureAwait(false);
            }
        }
        if (TruncationNote(result.Trials, sheetRows) is { } note)
            await book.AddRowAsync([new DataCell(note)], cancellationToken).ConfigureAwait(false);
    }

    private static DataCell Number(double? value) => value is { } v && !double.IsNaN(v) ? new DataCell(v) : new DataCell((double?)null);
}
