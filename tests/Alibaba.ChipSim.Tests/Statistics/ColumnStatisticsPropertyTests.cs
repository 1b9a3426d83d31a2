using Alibaba.ChipSim.Statistics;
using CsCheck;

namespace Alibaba.ChipSim.Tests.Statistics;

/// <summary>The fast paths (radix selection, counting) against a full sort, on columns built to stress them.</summary>
public sealed class ColumnStatisticsPropertyTests
{
    /// <summary>Values that exercise ties, signed zeros, huge magnitudes, missing values and near-equal bit patterns.</summary>
    private static readonly Gen<double> Value = Gen.Frequency(
        (6, Gen.Double[-1e6, 1e6]),
        (3, Gen.Int[-5, 5].Select(i => (double)i)),
        (1, Gen.OneOf(Gen.Const(0.0), Gen.Const(-0.0))),
        (1, Gen.OneOf(Gen.Const(1e300), Gen.Const(-1e300), Gen.Double[-1e300, 1e300])),
        (1, Gen.Const(double.NaN)),
        (2, Gen.Int[0, 300].Select(i => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(1.0) + i))));

    /// <summary>Columns from empty to a few times <see cref="RankSelector.SortBelow"/>, sometimes all one value.</summary>
    private static readonly Gen<double[]> Column = Gen.OneOf(
        Value.Array[0, 20],
        Value.Array[4000, 20_000],
        Gen.Select(Value, Gen.Int[4097, 9000], (v, n) => Enumerable.Repeat(v, n).ToArray()),
        Gen.Select(Gen.Double[-1, 1], Gen.Int[4097, 20_000], (scale, n) => Enumerable.Range(0, n).Select(i => (i * 7 % 13) * scale).ToArray()));

    [Fact]
    public void Fast_statistics_equal_the_sort_based_reference()
    {
        Column.Sample(values =>
            SortReference.AssertSameStatistics(SortReference.Summarize("x", values), ColumnStatistics.Summarize("x", values)),
            iter: 200);
    }

    [Fact]
    public void Counting_whole_numbers_equals_the_sort_based_reference()
    {
        var whole = Gen.Frequency((8, Gen.Int[-3000, 3000].Select(i => (double)i)), (1, Gen.Const(double.NaN)), (1, Gen.Const(-0.0)));
        Gen.OneOf(whole.Array[4097, 30_000], Gen.Int[0, 1].Select(i => (double)i).Array[4097, 30_000]).Sample(values =>
            SortReference.AssertSameStatistics(SortReference.Summarize("x", values), ColumnStatistics.Summarize("x", values, isWholeNumber: true)),
            iter: 100);
    }

    [Fact]
    public void Selecting_any_ranks_equals_reading_them_off_a_sorted_copy()
    {
        var gen = Gen.Select(Value.Array[1, 30_000], Gen.Double[0, 1].Array[1, 18]);
        gen.Sample((values, fractions) =>
        {
            var defined = values.Where(v => !double.IsNaN(v)).ToArray();
            if (defined.Length == 0) return;
            var keys = defined.Select(SortableKey.Of).ToArray();
            Array.Sort(keys);
            var ranks = fractions.Select(f => (int)(f * (defined.Length - 1))).Distinct().Order().ToArray();
            var selected = new ulong[ranks.Length];

            RankSelector.Select(values, defined.Length, keys[0], keys[^1], ranks, selected);

            Assert.Equal(ranks.Select(r => keys[r]), selected);
        }, iter: 200);
    }

    [Fact]
    public void Sortable_keys_order_doubles_like_numbers()
    {
        Gen.Select(Value, Value).Sample((a, b) =>
        {
            if (double.IsNaN(a) || double.IsNaN(b)) return;
            Assert.Equal(a.CompareTo(b) == 0 || a == b ? 0 : Math.Sign(a.CompareTo(b)), Math.Sign(SortableKey.Of(a).CompareTo(SortableKey.Of(b))));
            Assert.Equal(a == 0 ? 0.0 : a, SortableKey.ToDouble(SortableKey.Of(a)));
        });
    }

    [Fact]
    public void The_reference_quantile_agrees_with_mathnets_r7_definition()
    {
        Gen.Double[-1e6, 1e6].Array[1, 200].Sample(values =>
        {
            var sorted = values.Order().ToArray();
            foreach (var q in new[] { 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99 })
            {
                var mathNet = MathNet.Numerics.Statistics.SortedArrayStatistics.QuantileCustom(sorted, q, MathNet.Numerics.Statistics.QuantileDefinition.R7);
                Assert.Equal(mathNet, NumpyQuantile.OfSorted(sorted, q), 1e-9 * Math.Max(1, Math.Abs(mathNet)));
            }
        });
    }
}
