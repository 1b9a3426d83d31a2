using System.Data.Common;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Output;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Statistics;
using Alibaba.ChipSim.Tests.Support;
using DuckDB.NET.Data;

namespace Alibaba.ChipSim.Tests.Output;

/// <summary>A real run of the shipped base scenario, written with every format, read back with DuckDB.</summary>
public sealed class ParquetReadBackTests : IDisposable
{
    private const int Trials = 20_000;
    private readonly TempFolder _dir = new();
    private readonly SimulationResult _result;
    private readonly RunSummary _summary;
    private readonly DuckDBConnection _duck = new("Data Source=:memory:");

    public ParquetReadBackTests()
    {
        var scenario = ScenarioLoader.Load(Path.Combine(RepoRoot.Scenarios, "base.yaml")).Scenario!;
        _result = SimulationEngine.Run(scenario, new RunOptions { Trials = Trials, Seed = scenario.Simulation.Seed });
        _summary = SummaryBuilder.Build(_result);
        RunOutputWriter.Write(_dir.Path, _result, _summary, OutputFormats.Csv | OutputFormats.Json | OutputFormats.Parquet);
        _duck.Open();
    }

    public void Dispose()
    {
        _duck.Dispose();
        _dir.Dispose();
    }

    private string Parquet => _dir.File("trials.parquet");

    private List<object?[]> Query(string sql)
    {
        using var command = _duck.CreateCommand();
        command.CommandText = sql;
        using DbDataReader reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    private double Scalar(string sql) => Convert.ToDouble(Query(sql)[0][0], System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void The_parquet_file_has_the_columns_of_trials_csv_typed_and_one_row_per_trial()
    {
        var header = File.ReadLines(_dir.File("trials.csv")).First().Split(',');
        var described = Query($"DESCRIBE SELECT * FROM read_parquet('{Parquet}')");

        Assert.Equal(header, described.Select(r => (string)r[0]!).ToArray());
        var types = described.ToDictionary(r => (string)r[0]!, r => (string)r[1]!);
        Assert.Equal("BIGINT", types["trial"]);
        foreach (var c in _result.Numeric) Assert.Equal(c.IsWholeNumber ? "BIGINT" : "DOUBLE", types[c.Name]);
        foreach (var c in _result.Categorical) Assert.Equal("VARCHAR", types[c.Name]);
        Assert.Equal("DOUBLE", types["cloud_revenue_cny_bn_FY2027Q1"]);
        Assert.Equal(Trials, Scalar($"SELECT count(*) FROM read_parquet('{Parquet}')"));
    }

    [Fact]
    public void Aggregates_in_DuckDB_agree_with_summary_json()
    {
        var summary = SummaryJsonReader.ReadFile(_dir.File("summary.json"));

        // Means: the same values summed in another order agree to ~1e-15 relative; 1e-12 leaves room.
        foreach (var name in new[] { MetricNames.ChipsDelivered, MetricNames.CostUsd, MetricNames.IncrementalRevenueCnyBn, "cloud_revenue_cny_bn_FY2027Q1" })
        {
            var m = summary.Metric(name)!;
            Assert.Equal(m.Mean!.Value, Scalar($"SELECT avg({name}) FROM read_parquet('{Parquet}')"), Math.Abs(m.Mean.Value) * 1e-12);
            // numpy's linear interpolation is DuckDB's quantile_cont.
            Assert.Equal(m.P95!.Value, Scalar($"SELECT quantile_cont({name}, 0.95) FROM read_parquet('{Parquet}')"), Math.Abs(m.P95.Value) * 1e-12);
        }

        // Missing values are nulls: count(roi) counts the trials where ROI is defined.
        var roi = summary.Metric(MetricNames.Roi)!;
        Assert.True(roi.Count < Trials, "some base trials buy nothing, so ROI is missing there");
        Assert.Equal(roi.Count, Scalar($"SELECT count(roi) FROM read_parquet('{Parquet}')"));
        Assert.Equal(summary.Metric(MetricNames.MonthsToFirstDelivery)!.Count,
            Scalar($"SELECT count(months_to_first_delivery) FROM read_parquet('{Parquet}')"));

        Assert.Equal(summary.Metric(MetricNames.DeliveredByDeadline)!.Probability!.Value,
            Scalar($"SELECT avg(delivered_by_deadline) FROM read_parquet('{Parquet}')"), 1e-12);

        var shares = summary.Shares("washington_final")!;
        var counts = Query($"SELECT washington_final, count(*) FROM read_parquet('{Parquet}') GROUP BY 1")
            .ToDictionary(r => (string)r[0]!, r => Convert.ToDouble(r[1], System.Globalization.CultureInfo.InvariantCulture) / Trials);
        for (var i = 0; i < shares.States.Length; i++) Assert.Equal(shares.Shares[i], counts.GetValueOrDefault(shares.States[i]), 1e-12);
    }
}
