using System.Globalization;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Output;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Statistics;
using Alibaba.ChipSim.Tests.Support;

namespace Alibaba.ChipSim.Tests.Output;

/// <summary>run.xlsx, read back with the Open XML SDK: its sheets hold the numbers of the other files.</summary>
public sealed class RunXlsxWriterTests : IDisposable
{
    private readonly TempFolder _dir = new();
    private readonly SimulationResult _result;
    private readonly RunSummary _summary;

    public RunXlsxWriterTests()
    {
        var scenario = ScenarioLoader.Load(Path.Combine(RepoRoot.Scenarios, "base.yaml")).Scenario! with
        {
            Targets = [new TargetSpec("roi", true, 0.1, "loses money", SourceLocation.None("<test>"))],
        };
        _result = SimulationEngine.Run(scenario, new RunOptions { Trials = 1_500, Seed = 4 });
        _summary = SummaryBuilder.Build(_result);
    }

    public void Dispose() => _dir.Dispose();

    private static double? N(string? s) => string.IsNullOrEmpty(s) ? null : double.Parse(s, CultureInfo.InvariantCulture);

    [Fact]
    public void Run_xlsx_has_the_sheets_summary_quarters_targets_and_trials_with_the_numbers_of_the_csv_files()
    {
        RunOutputWriter.Write(_dir.Path, _result, _summary, OutputFormats.Csv | OutputFormats.Xlsx);
        var sheets = XlsxReadBack.Sheets(_dir.File("run.xlsx"));

        Assert.Equal(["Summary", "Quarters", "Targets", "Trials"], sheets.Keys);

        var summary = sheets["Summary"];
        Assert.Equal(SummaryRows.Columns, summary[0]);
        var csv = File.ReadAllLines(_dir.File("summary.csv"));
        Assert.Equal(csv.Length, summary.Count);
        var roi = summary.Single(r => r[0] == "roi");
        var m = _summary.Metric("roi")!;
        Assert.Equal(m.Mean, N(roi[4]));
        Assert.Equal(m.P50, N(roi[12]));
        Assert.Equal(m.Count, (long)N(roi[3])!.Value);

        var quarters = sheets["Quarters"];
        Assert.Equal(QuartersCsvWriter.Header.Split(','), quarters[0]);
        Assert.Equal(File.ReadAllLines(_dir.File("quarters.csv")).Length, quarters.Count);
        var fy = quarters.Single(r => r[0] == "FY2027" && r[1] == "cloud_revenue_cny_bn");
        Assert.Equal(_summary.Years.Single(y => y.Year == "FY2027" && y.Metric == "cloud_revenue_cny_bn").Statistics.Mean, N(fy[2]));
        Assert.Equal("2026-04-01", fy[9]);

        var target = sheets["Targets"][1];
        Assert.Equal(["roi", "<", "0.1", "loses money"], target[..4]);
        Assert.Equal(_summary.Targets[0].Probability, N(target[4]));

        var trials = sheets["Trials"];
        var trialsCsv = File.ReadAllLines(_dir.File("trials.csv"));
        Assert.Equal(trialsCsv[0].Split(','), trials[0]);
        Assert.Equal(1_501, trials.Count);
        for (var t = 1; t <= 1_500; t += 149)
        {
            var expected = trialsCsv[t].Split(',');
            for (var c = 0; c < expected.Length; c++)
            {
                if (double.TryParse(expected[c], NumberStyles.Float, CultureInfo.InvariantCulture, out var x))
                    Assert.Equal(x, N(trials[t][c]));
                else
                    Assert.Equal(expected[c], trials[t].ElementAtOrDefault(c) ?? "");
            }
        }
    }

    [Fact]
    public async Task Trials_stop_at_the_sheet_row_limit_and_the_last_row_says_so()
    {
        var path = _dir.File("small.xlsx");
        await using (var stream = File.Create(path))
            await RunXlsxWriter.WriteAsync(stream, _result, _summary, sheetRows: 1_000);
        var trials = XlsxReadBack.Sheets(path)["Trials"];

        Assert.Equal(1_000, trials.Count); // header + 998 trials + the note
        Assert.Equal("997", trials[^2][0]);
        Assert.Equal(RunXlsxWriter.TruncationNote(1_500, 1_000), trials[^1][0]);
        Assert.Contains("first 998 of 1,500 trials", trials[^1][0]);
    }

    [Fact]
    public void The_trials_sheet_fits_up_to_excels_limit_less_the_header()
    {
        Assert.Null(RunXlsxWriter.TruncationNote(1_048_575));
        Assert.Equal(1_048_574, RunXlsxWriter.TrialRowsShown(2_000_000));
        Assert.Contains("1,048,574 of 2,000,000", RunXlsxWriter.TruncationNote(2_000_000));
    }
}
