using System.Globalization;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Output;
using Alibaba.ChipSim.Tests.Support;
using Snapshooter.Xunit;

namespace Alibaba.ChipSim.Tests.Output;

public sealed class TrialsCsvWriterTests
{
    private static string Csv(SimulationResult result)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        TrialsCsvWriter.Write(writer, result);
        return writer.ToString();
    }

    [Fact]
    public void Trials_csv_of_four_hand_made_trials_matches_the_snapshot()
    {
        Snapshot.Match(Csv(HandMadeResults.FourTrials()));
    }

    [Fact]
    public void Rows_hold_whole_numbers_without_decimals_missing_as_empty_and_states_by_name()
    {
        var lines = Csv(HandMadeResults.FourTrials()).Split('\n');

        Assert.Equal(
            "trial,delivered_by_deadline,months_to_first_delivery,cost_cny,roi,washington_final,cloud_revenue_cny_bn_FY2026Q4,cloud_revenue_cny_bn_FY2027Q1",
            lines[0]);
        Assert.Equal("0,1,2,1.5,0.1,licensed,40.5,43.125", lines[1]);
        Assert.Equal("1,0,,0,,licensed,41,44", lines[2]);
        Assert.Equal("3,1,1,10000000000,0.3333333333333333,licensed,42,45.5", lines[4]);
        Assert.Equal("", lines[5]); // the file ends with a line break
        Assert.Equal(6, lines.Length);
    }

    [Fact]
    public void Trials_csv_has_no_decimal_commas_under_german_culture()
    {
        var result = HandMadeResults.Random(2_000, seed: 3);
        var invariant = Csv(result);

        string german;
        using (new CultureScope("de-DE"))
        {
            var writer = new StringWriter(CultureInfo.CurrentCulture);
            TrialsCsvWriter.Write(writer, result);
            german = writer.ToString();
        }

        Assert.Equal(invariant, german);
        Assert.Equal(1 + result.Numeric.Length + result.Categorical.Length + 2, german.Split('\n')[1].Split(',').Length);
    }

    [Fact]
    public void Every_written_double_parses_back_to_the_same_bits()
    {
        var result = HandMadeResults.Random(3_000, seed: 5);
        var cost = result.Column(MetricNames.CostCny)!.Values;
        var column = 1 + result.Numeric.IndexOf(result.Column(MetricNames.CostCny)!);

        var rows = Csv(result).Split('\n').Skip(1).Where(l => l.Length > 0).ToArray();

        Assert.Equal(cost.Length, rows.Length);
        for (var t = 0; t < rows.Length; t++)
        {
            var parsed = double.Parse(rows[t].Split(',')[column], CultureInfo.InvariantCulture);
            Assert.Equal(BitConverter.DoubleToInt64Bits(cost[t]), BitConverter.DoubleToInt64Bits(parsed));
        }
    }

    [Fact]
    public void Names_with_commas_or_quotes_are_quoted_as_rfc_4180_says()
    {
        var result = HandMadeResults.Build(
            2,
            [new NumericColumn("a,b", [1, 2])],
            [new CategoricalColumn("final", ["plain", "with, comma", "say \"no\""], [1, 2])],
            []);

        var lines = Csv(result).Split('\n');

        Assert.Equal("trial,\"a,b\",final", lines[0]);
        Assert.Equal("0,1,\"with, comma\"", lines[1]);
        Assert.Equal("1,2,\"say \"\"no\"\"\"", lines[2]);
    }

    [Fact]
    public void The_thread_count_never_changes_the_text()
    {
        var result = HandMadeResults.Random(5 * TrialsCsvWriter.BlockRows + 17, seed: 9);
        string Write(int threads)
        {
            var writer = new StringWriter(CultureInfo.InvariantCulture);
            TrialsCsvWriter.Write(writer, result, maxThreads: threads);
            return writer.ToString();
        }

        var one = Write(1);

        Assert.Equal(one, Write(3));
        Assert.Equal(result.Trials + 2, one.Split('\n').Length); // header, one line per trial, and the empty string after the last break
        Assert.StartsWith($"{result.Trials - 1},", one.Split('\n')[^2]);
    }

    [Fact]
    public void Writing_stops_when_cancelled()
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => TrialsCsvWriter.Write(writer, HandMadeResults.FourTrials(), cancelled.Token));
    }
}
