using Alibaba.ChipSim.Statistics;
using CsCheck;

namespace Alibaba.ChipSim.Tests.Statistics;

/// <summary>The compensated sum in lanes: the same bits whatever the chunks, NaN rows skipped, and as accurate as a compensated sum.</summary>
public sealed class LaneSumTests
{
    [Fact]
    public void Gives_the_same_bits_whatever_the_chunks_the_rows_come_in()
    {
        Gen.Select(Gen.Double[-1e6, 1e6].Array[0, 300], Gen.Int[1, 40].Array[1, 20]).Sample((values, cuts) =>
        {
            var whole = LaneSum.Of(values);
            var chunked = new LaneSum();
            var at = 0;
            var c = 0;
            while (at < values.Length)
            {
                var take = Math.Min(cuts[c++ % cuts.Length], values.Length - at);
                chunked.Add(values.AsSpan(at, take));
                at += take;
            }
            Assert.Equal(BitConverter.DoubleToInt64Bits(whole), BitConverter.DoubleToInt64Bits(chunked.Value));
            Assert.Equal(values.Length, chunked.Rows);
        }, iter: 300);
    }

    [Fact]
    public void Skips_NaN_rows_but_they_keep_each_row_in_its_lane()
    {
        double[] values = [1e16, double.NaN, 1, 1, -1e16, double.NaN, 3, 0.5, 2, double.NaN, 7];
        Assert.Equal(14.5, LaneSum.Of(values));
        Assert.Equal(0.0, LaneSum.Of([double.NaN, double.NaN]));
        Assert.Equal(0.0, LaneSum.Of([]));
    }

    [Fact]
    public void Is_within_a_few_units_in_the_last_place_of_the_exact_sum()
    {
        // Terms of mixed signs and magnitudes, where a plain sum loses digits: the exact sum, rounded once, is the reference.
        Gen.Double[-1e12, 1e12].Array[1, 2000].Sample(values =>
        {
            var exact = new ExactSum();
            var magnitude = 0.0;
            foreach (var v in values)
            {
                exact.Add(v);
                magnitude += Math.Abs(v);
            }
            // A compensated sum's error bound: a few ε of the result plus ε² n of Σ|x|.
            var ulp = Math.BitIncrement(Math.Abs(exact.Value)) - Math.Abs(exact.Value);
            var bound = 4 * ulp + values.Length * magnitude * 1.2e-32;
            Assert.True(Math.Abs(LaneSum.Of(values) - exact.Value) <= bound, $"{LaneSum.Of(values)} against {exact.Value}");
        }, iter: 300);
        // Cancellation that a plain sum in row order gets wrong: 1e16 + 1 + 1 − 1e16 is 2, but 0 in plain doubles.
        Assert.Equal(2.0, LaneSum.Of([1e16, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, -1e16]));
    }

    [Fact]
    public void Overflows_to_infinity_as_plain_addition_does()
    {
        Assert.Equal(double.PositiveInfinity, LaneSum.Of([double.MaxValue, double.MaxValue]));
        Assert.Equal(double.PositiveInfinity, LaneSum.Of([1, double.PositiveInfinity, 2]));
        Assert.True(double.IsNaN(LaneSum.Of([double.PositiveInfinity, double.NegativeInfinity])));
    }
}
