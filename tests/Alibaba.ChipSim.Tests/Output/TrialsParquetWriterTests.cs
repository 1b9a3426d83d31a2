using System.Collections.Immutable;
using System.Data.Common;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Output;
using Alibaba.ChipSim.Tests.Support;
using DuckDB.NET.Data;

namespace Alibaba.ChipSim.Tests.Output;

public sealed class TrialsParquetWriterTests
{
    /// <summary>
    /// Five trials: a whole-number column with a missing value, a binary column, a real-valued column with a
    /// missing value, an actor's final state and one quarter's revenue.
    /// </summary>
    private static SimulationResult HandMade(int trials = 5)
    {
        var chips = new double[trials];
        var months = new double[trials];
        var deadline = new double[trials];
        var roi = new double[trials];
        var codes = new byte[trials];
        for (var t = 0; t < trials; t++)
        {
            chips[t] = 1000 * t;
            months[t] = t % 4 == 1 ? double.NaN : t % 7;
            deadline[t] = t % 2;
            roi[t] = t % 3 == 2 ? double.NaN : 0.25 * t - 0.1;
            codes[t] = (byte)(t % 3);
        }
        return new SimulationResult(
            TestScenarios.SpecExample(), 42, trials,
            [
                new NumericColumn(MetricNames.DeliveredByDeadline, deadline, isBinary: true),
                new NumericColumn(MetricNames.MonthsToFirstDelivery, months, isWholeNumber: true),
                new NumericColumn(MetricNames.ChipsDelivered, chips, isWholeNumber: true),
                new NumericColumn(MetricNames.Roi, roi),
            ],
            [new CategoricalColumn("washington_final", ["rescinded", "licensed", "reinstated"], codes)],
            [new QuarterColumns("cloud_revenue_cny_bn", ["FY2027Q1"], [chips.Select(c => c / 1e4 + 30).ToArray()])],
            ImmutableArray<StateOccupancy>.Empty);
    }

    private static List<object?[]> Query(string sql)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
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

    [Fact]
    public void DuckDB_sees_the_csv_columns_with_int64_for_whole_numbers_double_for_reals_and_varchar_for_states()
    {
        using var dir = new TempFolder();
        var path = dir.File("trials.parquet");
        TrialsParquetWriter.Write(HandMade(), path);

        var columns = Query($"DESCRIBE SELECT * FROM read_parquet('{path}')")
            .Select(r => $"{r[0]} {r[1]}").ToArray();
        Assert.Equal(
            ["trial BIGINT", "delivered_by_deadline BIGINT", "months_to_first_delivery BIGINT", "chips_delivered BIGINT",
             "roi DOUBLE", "washington_final VARCHAR", "cloud_revenue_cny_bn_FY2027Q1 DOUBLE"],
            columns);
    }

    [Fact]
    public void Every_value_reads_back_exactly_with_missing_values_as_null()
    {
        using var dir = new TempFolder();
        var path = dir.File("trials.parquet");
        var result = HandMade(11);
        TrialsParquetWriter.Write(result, path, rowGroupSize: 4);

        var rows = Query($"SELECT * FROM read_parquet('{path}') ORDER BY trial");
        Assert.Equal(11, rows.Count);
        for (var t = 0; t < 11; t++)
        {
            var row = rows[t];
            Assert.Equal((long)t, row[0]);
            Assert.Equal((long)(t % 2), row[1]);
            Assert.Equal(t % 4 == 1 ? null : (long)(t % 7), row[2]);
            Assert.Equal(1000L * t, row[3]);
            Assert.Equal(t % 3 == 2 ? null : 0.25 * t - 0.1, row[4]);
            Assert.Equal(new[] { "rescinded", "licensed", "reinstated" }[t % 3], row[5]);
            Assert.Equal(1000.0 * t / 1e4 + 30, row[6]);
        }
    }

    [Fact]
    public void Rows_are_split_into_row_groups_of_the_requested_size()
    {
        using var dir = new TempFolder();
        var path = dir.File("trials.parquet");
        TrialsParquetWriter.Write(HandMade(10), path, rowGroupSize: 4);

        // 10 rows in groups of 4: 4 + 4 + 2.
        var groups = Query($"SELECT row_group_id, max(row_group_num_rows) FROM parquet_metadata('{path}') GROUP BY 1 ORDER BY 1");
        Assert.Equal([4L, 4L, 2L], groups.Select(g => Convert.ToInt64(g[1])).ToArray());
    }

    [Fact]
    public void The_file_carries_the_scenario_seed_and_engine_as_key_value_metadata()
    {
        using var dir = new TempFolder();
        var path = dir.File("trials.parquet");
        TrialsParquetWriter.Write(HandMade(), path);

        var metadata = Query($"SELECT decode(key), decode(value) FROM parquet_kv_metadata('{path}')")
            .ToDictionary(r => (string)r[0]!, r => (string)r[1]!);
        Assert.Equal("example", metadata["chipsim.scenario"]);
        Assert.Equal("42", metadata["chipsim.seed"]);
        Assert.Equal(EngineInfo.Name, metadata["chipsim.engine"]);
    }

    [Fact]
    public void Writing_replaces_an_existing_file_and_leaves_no_temporary_file_behind()
    {
        using var dir = new TempFolder();
        var path = dir.File("trials.parquet");
        File.WriteAllText(path, "old contents");
        TrialsParquetWriter.Write(HandMade(3), path);

        Assert.Equal(3L, Convert.ToInt64(Query($"SELECT count(*) FROM read_parquet('{path}')")[0][0]));
        Assert.Equal(["trials.parquet"], Directory.GetFiles(dir.Path).Select(f => Path.GetFileName(f)).ToArray());
    }

    [Fact]
    public void A_result_whose_columns_are_shorter_than_its_trial_count_is_refused_without_writing()
    {
        using var dir = new TempFolder();
        var path = dir.File("trials.parquet");
        var good = HandMade(5);
        var bad = new SimulationResult(good.Scenario, good.Seed, 6, good.Numeric, good.Categorical, good.Quarterly, good.Occupancy);
        var badQuarter = new SimulationResult(good.Scenario, good.Seed, 5, good.Numeric, good.Categorical,
            [new QuarterColumns("cloud_revenue_cny_bn", ["FY2027Q1"], [new double[4]])], good.Occupancy);

        Assert.Throws<ArgumentException>(() => TrialsParquetWriter.Write(bad, path));
        Assert.Throws<ArgumentException>(() => TrialsParquetWriter.Write(badQuarter, path));
        Assert.Empty(Directory.GetFiles(dir.Path));
    }
}
