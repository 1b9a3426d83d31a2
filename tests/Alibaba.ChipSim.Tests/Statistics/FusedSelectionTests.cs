using Alibaba.ChipSim.Statistics;
using CsCheck;

namespace Alibaba.ChipSim.Tests.Statistics;

/// <summary>The two fused passes against the separate ones they replace (sum, spread, selection, exact tails), bit for bit.</summary>
public sealed class FusedSelectionTests
{
    private static readonly Gen<double> Value = Gen.Frequency(
        (6, Gen.Double[-1e6, 1e6]),
        (3, Gen.Int[-5, 5].Select(i => (double)i)),
        (1, Gen.OneOf(Gen.Const(0.0), Gen.Const(-0.0))),
        (1, Gen.Double[-1e300, 1e300]),
        (1, Gen.Const(double.NaN)),
        (2, Gen.Int[0, 300].Select(i => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(1.0) + i))));

    [Fact]
    public void Fused_passes_give_the_sum_percentiles_and_tails_of_the_separate_passes_bit_for_bit()
    {
        Gen.OneOf(Value.Array[4097, 30_000], Gen.Double[0, 1].Array[4097, 30_000]).Sample(values =>
        {
            var (count, min, max) = ColumnRange.Of(values);
            var minKey = SortableKey.Of(min);
            var maxKey = SortableKey.Of(max);
            if (count <= RankSelector.SortBelow || minKey == maxKey) return;
            Span<int> ranks = stackalloc int[2 * ColumnStatistics.Levels.Length];
            ranks = ranks[..ColumnStatistics.Ranks(count, ranks)];

            // The separate passes: compensated sum, radix selection, then the exact tails over the whole column.
            var sum = new NeumaierSum();
            foreach (var v in values) if (!double.IsNaN(v)) sum.Add(v);
            Span<ulong> keys = stackalloc ulong[ranks.Length];
            RankSelector.Select(values, count, minKey, maxKey, ranks, keys);
            var expected = new double[ColumnStatistics.Levels.Length];
            ColumnStatistics.Interpolate(count, ranks, keys, expected);
            var expectedTails = ColumnStatistics.ExactTails(values, expected[ColumnStatistics.P5], expected[ColumnStatistics.P95]);

            var quantiles = new double[ColumnStatistics.Levels.Length];
            Assert.True(FusedSelection.TrySelect(values, count, minKey, maxKey, ranks, quantiles, out var total, out var spread, out var lower, out var upper));

            Assert.Equal(BitConverter.DoubleToInt64Bits(sum.Value), BitConverter.DoubleToInt64Bits(total));
            Assert.Equal(BitConverter.DoubleToInt64Bits(BlockSpread.Of(values, constant: false)), BitConverter.DoubleToInt64Bits(spread));
            Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), quantiles.Select(BitConverter.DoubleToInt64Bits));
            Assert.Equal(BitConverter.DoubleToInt64Bits(expectedTails.Lower), BitConverter.DoubleToInt64Bits(lower));
            Assert.Equal(BitConverter.DoubleToInt64Bits(expectedTails.Upper), BitConverter.DoubleToInt64Bits(upper));
        }, iter: 100);
    }

    [Fact]
    public void The_vectorised_range_pass_counts_defined_values_and_finds_their_extremes()
    {
        Value.Array[0, 100].Sample(values =>
        {
            var defined = values.Where(v => !double.IsNaN(v)).ToArray();
            var (count, min, max) = ColumnRange.Of(values);
            Assert.Equal(defined.Length, count);
            if (count == 0) return;
            // ±0 may come back as either zero; they compare equal.
            Assert.True(defined.Min() == min && defined.Max() == max, $"min {min} max {max}");
        });
    }
}
