using System.Collections.Immutable;
using System.Globalization;
using Alibaba.ChipSim.Distributions;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Output;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Statistics;
using Alibaba.ChipSim.Tests.Support;
using DuckDB.NET.Data;

namespace Alibaba.ChipSim.Tests.Output;

/// <summary>
/// The drawn inputs in the trials files are the values the trials used: cost_usd is an exact function of them
/// (chips delivered × price × (1 + fee × pass-through), the model's formula), checked row by row from the file.
/// </summary>
public sealed class TrialInputsTests
{
    private const double Fee = 0.25; // export_fee_rate is a constant in SpecExample: not a column

    private static Scenario Correlated(SamplingMethod sampling) => TestScenarios.SpecExample() with
    {
        Simulation = new SimulationSpec(3000, 7, sampling),
        Correlations = [new CorrelationSpec("economics.price_per_chip_usd", "economics.fee_pass_through", 0.6, SourceLocation.None("<test>"))],
    };

    private static List<Dictionary<string, string>> ReadCsv(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l =>
        {
            var cells = l.Split(',');
            return header.Select((h, i) => (h, cells[i])).ToDictionary(p => p.h, p => p.Item2);
        }).ToList();
    }

    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    private static void AssertCostFollowsInputs(List<Dictionary<string, string>> rows)
    {
        var bought = 0;
        foreach (var row in rows)
        {
            var chips = D(row["chips_delivered"]);
            var price = D(row["economics.price_per_chip_usd"]);
            var passThrough = D(row["economics.fee_pass_through"]);
            Assert.Equal(chips * price * (1 + Fee * passThrough), D(row["cost_usd"])); // bit for bit
            Assert.Equal(D(row["cost_usd"]) * 7.05, D(row["cost_cny"]));
            if (chips > 0) bought++;
        }
        Assert.True(bought > rows.Count / 4, $"only {bought} trials bought chips: the check would be empty");
    }

    private static string Csv(SimulationResult result)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        TrialsCsvWriter.Write(writer, result);
        return writer.ToString();
    }

    [Theory]
    [InlineData(SamplingMethod.MonteCarlo, 0, 0)]
    [InlineData(SamplingMethod.LatinHypercube, 0, 0)]
    [InlineData(SamplingMethod.LatinHypercube, 0, 1000)] // sampling blocks of --until-se batches
    [InlineData(SamplingMethod.MonteCarlo, 5000, 0)]    // a later slice of the seed's trials
    public void Cost_in_trials_csv_is_chips_times_price_times_one_plus_fee_times_pass_through_row_by_row(
        SamplingMethod sampling, long firstTrial, int block)
    {
        var scenario = Correlated(sampling);
        var result = SimulationEngine.Run(scenario, new RunOptions { Trials = 3000, Seed = 7, FirstTrial = firstTrial, SamplingBlockTrials = block });

        AssertCostFollowsInputs(ReadCsv(Csv(result)));
    }

    [Fact]
    public void Inputs_follow_the_outcomes_named_by_path_and_constants_are_left_out()
    {
        var result = SimulationEngine.Run(TestScenarios.SpecExample(), new RunOptions { Trials = 10, Seed = 7 });
        var header = Csv(result).Split('\n')[0].Split(',');
        var last = header.Length - 1;

        string[] drawn =
        [
            "actors.beijing.states.conditional.gate", "shipments.initial_modules", "shipments.follow_on_modules_per_month",
            "shipments.buyer_share", "shipments.deployment_lag_months", "economics.price_per_chip_usd", "economics.fee_pass_through",
            "compute.h200_vs_h20", "compute.utilization", "revenue.non_ai_growth_yoy", "revenue.ai_demand_growth_yoy",
        ];
        Assert.Equal(drawn, header[(last - drawn.Length + 1)..]);
        Assert.StartsWith("incremental_revenue_cny_bn_FY", header[last - drawn.Length]); // after every outcome column
        Assert.DoesNotContain("economics.export_fee_rate", header);
        Assert.DoesNotContain("shipments.chips_per_module", header);
    }

    [Fact]
    public void Whole_valued_inputs_are_written_without_decimals()
    {
        var result = SimulationEngine.Run(TestScenarios.SpecExample(), new RunOptions { Trials = 50, Seed = 7 });
        foreach (var row in ReadCsv(Csv(result)))
        {
            Assert.Matches("^[0-9]+$", row["shipments.initial_modules"]);
            Assert.Contains(row["shipments.deployment_lag_months"], new[] { "1", "2", "3" });
        }
    }

    [Fact]
    public void Inputs_equal_the_values_the_sensitivity_analysis_regenerates()
    {
        var scenario = Correlated(SamplingMethod.LatinHypercube);
        var result = SimulationEngine.Run(scenario, new RunOptions { Trials = 500, Seed = 11 });
        var rows = ReadCsv(Csv(result));
        var table = Alibaba.ChipSim.Sampling.ParameterTable.For(scenario);
        var design = Alibaba.ChipSim.Sampling.SamplingDesign.For(scenario, table, 11, 0, 500);
        foreach (var (i, values) in Alibaba.ChipSim.Sampling.ParameterColumns.Regenerate(table, design, 11))
            for (var t = 0; t < 500; t++)
                Assert.Equal(values[t], D(rows[t][table.Parameters[i].Path]));
    }

    [Fact]
    public void Hand_made_results_have_no_input_columns()
    {
        Assert.Equal(0, TrialInputs.Of(HandMadeResults.FourTrials()).Count);
    }

    [Fact]
    public void Trials_parquet_holds_the_same_inputs_as_trials_csv()
    {
        using var dir = new TempFolder();
        var scenario = Correlated(SamplingMethod.LatinHypercube);
        var result = SimulationEngine.Run(scenario, new RunOptions { Trials = 3000, Seed = 7 });
        RunOutputWriter.Write(dir.Path, result, SummaryBuilder.Build(result), OutputFormats.Csv | OutputFormats.Parquet);
        using var duck = new DuckDBConnection("Data Source=:memory:");
        duck.Open();
        using var command = duck.CreateCommand();
        command.CommandText =
            $"SELECT p.\"economics.price_per_chip_usd\", p.\"shipments.initial_modules\", p.cost_usd, p.chips_delivered, p.\"economics.fee_pass_through\" " +
            $"FROM read_parquet('{dir.File("trials.parquet")}') p ORDER BY trial";
        using var reader = command.ExecuteReader();
        var csv = ReadCsv(File.ReadAllText(dir.File("trials.csv")));
        var t = 0;
        while (reader.Read())
        {
            Assert.Equal(D(csv[t]["economics.price_per_chip_usd"]), reader.GetDouble(0));
            Assert.Equal(long.Parse(csv[t]["shipments.initial_modules"], CultureInfo.InvariantCulture), reader.GetInt64(1));
            Assert.Equal(Convert.ToDouble(reader.GetValue(3), CultureInfo.InvariantCulture) * reader.GetDouble(0) * (1 + Fee * reader.GetDouble(4)), reader.GetDouble(2));
            t++;
        }
        Assert.Equal(3000, t);
    }
}
