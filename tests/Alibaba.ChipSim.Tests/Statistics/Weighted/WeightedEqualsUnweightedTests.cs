using Alibaba.ChipSim.Statistics;
using Alibaba.ChipSim.Statistics.Weighted;
using CsCheck;

namespace Alibaba.ChipSim.Tests.Statistics.Weighted;

/// <summary>With equal weights the weighted formulas reduce to the unweighted summary bit for bit, on every path.</summary>
public sealed class WeightedEqualsUnweightedTests
{
    private static readonly Gen<double> Value = Gen.Frequency(
        (6, Gen.Double[-1e6, 1e6]),
        (3, Gen.Int[-5, 5].Select(i => (double)i)),
        (1, Gen.OneOf(Gen.Const(0.0), Gen.Const(-0.0))),
        (1, Gen.OneOf(Gen.Const(1e300), Gen.Const(-1e300), Gen.Double[-1e300, 1e300])),
        (1, Gen.Const(double.NaN)),
        (2, Gen.Int[0, 300].Select(i => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(1.0) + i))));

    /// <summary>Small columns (sorted), large ones (fused radix selection), constant runs, and a few distinct values repeated.</summary>
    private static readonly Gen<double[]> Column = Gen.OneOf(
        Value.Array[0, 20],
        Value.Array[4000, 20_000],
        Gen.Select(Value, Gen.Int[4097, 9000], (v, n) => Enumerable.Repeat(v, n).ToArray()),
        Gen.Select(Gen.Double[-1, 1], Gen.Int[4097, 20_000], (scale, n) => Enumerable.Range(0, n).Select(i => (i * 7 % 13) * scale).ToArray()));

    /// <summary>Equal weights: 1, an ordinary constant, a tiny one and a large one.</summary>
    private static readonly Gen<double> Constant = Gen.OneOf(Gen.Const(1.0), Gen.Double[1e-3, 1e3], Gen.Const(3e-300), Gen.Const(7.5e200));

    [Fact]
    public void Equal_weights_reproduce_the_unweighted_summary_bit_for_bit()
    {
        Gen.Select(Column, Constant).Sample((values, c) =>
            AssertBitIdentical(ColumnStatistics.Summarize("x", values), WeightedColumnStatistics.Summarize("x", values, Filled(values.Length, c))),
            iter: 200);
    }

    [Fact]
    public void Equal_weights_reproduce_the_counting_path_for_whole_numbers_and_0_1_metrics()
    {
        var whole = Gen.Frequency((8, Gen.Int[-3000, 3000].Select(i => (double)i)), (1, Gen.Const(double.NaN)), (1, Gen.Const(-0.0)));
        var binary = Gen.Int[0, 1].Select(i => (double)i);
        Gen.Select(whole.Array[4097, 30_000], Constant).Sample((values, c) =>
            AssertBitIdentical(
                ColumnStatistics.Summarize("x", values, isWholeNumber: true),
                WeightedColumnStatistics.Summarize("x", values, Filled(values.Length, c), isWholeNumber: true)),
            iter: 60);
        Gen.Select(Gen.OneOf(binary.Array[1, 4000], binary.Array[4097, 30_000]), Constant).Sample((values, c) =>
            AssertBitIdentical(
                ColumnStatistics.Summarize("x", values, isBinary: true),
                WeightedColumnStatistics.Summarize("x", values, Filled(values.Length, c), isBinary: true)),
            iter: 60);
    }

    [Fact]
    public void A_whole_number_column_that_is_not_whole_falls_back_like_the_unweighted_one()
    {
        var values = Enumerable.Range(0, 6000).Select(i => i == 4321 ? 2.5 : i % 40).Select(v => (double)v).ToArray();
        AssertBitIdentical(
            ColumnStatistics.Summarize("x", values, isWholeNumber: true),
            WeightedColumnStatistics.Summarize("x", values, Filled(values.Length, 0.3), isWholeNumber: true));
    }

    [Fact]
    public void Zero_weights_drop_trials_exactly_as_missing_values_do()
    {
        Gen.Select(Column, Gen.Double[0, 1].Array[1, 1], Constant).Sample((values, share, c) =>
        {
            var weights = new double[values.Length];
            var dropped = (double[])values.Clone();
            for (var t = 0; t < values.Length; t++)
            {
                var keep = (t * 2654435761u % 1000) >= share[0] * 1000;
                weights[t] = keep ? c : 0;
                if (!keep) dropped[t] = double.NaN;
            }
            AssertBitIdentical(ColumnStatistics.Summarize("x", dropped), WeightedColumnStatistics.Summarize("x", values, weights));
        }, iter: 100);
    }

    [Fact]
    public void Equal_weights_reproduce_the_unweighted_state_shares()
    {
        var codes = Enumerable.Range(0, 10_001).Select(i => (byte)(i * 7 % 5 == 4 ? 3 : i % 3)).ToArray();
        var column = new Alibaba.ChipSim.Engine.CategoricalColumn("beijing_final", ["a", "b", "c", "d", "e"], codes);

        var expected = SummaryBuilder.Shares(column);
        var actual = WeightedShares.Of(column, Filled(codes.Length, 0.0625 * 3));

        Assert.Equal(expected.States, actual.States);
        Assert.Equal(expected.Shares.Select(BitConverter.DoubleToInt64Bits), actual.Shares.Select(BitConverter.DoubleToInt64Bits));
    }

    private static double[] Filled(int n, double c) => Enumerable.Repeat(c, n).ToArray();

    /// <summary>Every statistic, compared as bits (so −0 and +0, or two NaNs with different payloads, would differ).</summary>
    internal static void AssertBitIdentical(MetricSummary expected, MetricSummary actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        Same(expected.Mean, actual.Mean, "mean");
        Same(expected.Sd, actual.Sd, "sd");
        Same(expected.Se, actual.Se, "se");
        Same(expected.Min, actual.Min, "min");
        Same(expected.Max, actual.Max, "max");
        foreach (var level in MetricSummary.PercentileLevels) Same(expected.Percentile(level), actual.Percentile(level), $"p{level}");
        Same(expected.Var5, actual.Var5, "var5");
        Same(expected.Cvar5, actual.Cvar5, "cvar5");
        Same(expected.Var95, actual.Var95, "var95");
        Same(expected.Cvar95, actual.Cvar95, "cvar95");
        Same(expected.Probability, actual.Probability, "probability");
        Same(expected.Ci95?.Low, actual.Ci95?.Low, "ci95 low");
        Same(expected.Ci95?.High, actual.Ci95?.High, "ci95 high");
        if (expected.Count > 0) Same(expected.Count, actual.Ess, "ess");
    }

    private static void Same(double? expected, double? actual, string what)
    {
        Assert.True(expected.HasValue == actual.HasValue, $"{what}: expected {expected:R}, got {actual:R}");
        if (expected is { } e && actual is { } a)
            Assert.True(BitConverter.DoubleToInt64Bits(e) == BitConverter.DoubleToInt64Bits(a), $"{what}: expected {e:R}, got {a:R}");
    }
}
