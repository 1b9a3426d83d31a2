using Alibaba.ChipSim.Statistics;
using CsCheck;

namespace Alibaba.ChipSim.Tests.Statistics;

/// <summary>The exact sum, rounded once: against decimal arithmetic, order independence, cancellation and the rounding rule.</summary>
public sealed class ExactSumTests
{
    private static double Sum(IEnumerable<double> values)
    {
        var s = new ExactSum();
        foreach (var v in values) s.Add(v);
        return s.Value;
    }

    [Fact]
    public void Is_exact_where_the_true_sum_is_a_double()
    {
        // k·2^s with |k| < 2^40 and at most 500 terms: the true sum (Σk)·2^s has at most 49 significant bits, so it is a
        // double, and an exact sum must return it (a plain or compensated sum in a bad order may not, with large cancellations).
        Gen.Select(Gen.Long[-(1L << 40), 1L << 40].Array[1, 500], Gen.Int[-1000, 900]).Sample((k, s) =>
        {
            var values = k.Select(x => Math.ScaleB(x, s)).ToArray();
            var expected = Math.ScaleB(k.Sum(), s);
            Assert.Equal(expected, Sum(values));
        }, iter: 300);
        // With a huge term in between that cancels.
        Assert.Equal(3.0, Sum([1, 1e308, 1, -1e308, 1]));
    }

    [Fact]
    public void Does_not_depend_on_the_order_of_the_terms()
    {
        Gen.Double[-1e300, 1e300].Array[1, 300].Sample(values =>
        {
            var forward = Sum(values);
            var reversed = Sum(values.Reverse());
            var sorted = Sum(values.Order());
            Assert.Equal(BitConverter.DoubleToInt64Bits(forward), BitConverter.DoubleToInt64Bits(reversed));
            Assert.Equal(BitConverter.DoubleToInt64Bits(forward), BitConverter.DoubleToInt64Bits(sorted));
        }, iter: 300);
    }

    [Fact]
    public void Cancels_exactly_and_rounds_ties_to_even()
    {
        Assert.Equal(1.0, Sum([1e300, 1.0, -1e300]));
        Assert.Equal(0.0, Sum([0.1, 0.2, -0.1, -0.2]));
        Assert.Equal(double.Epsilon, Sum([double.Epsilon, 1, -1]));
        // 1 + 2^-53 is a tie between 1 and 1 + 2^-52: to even (1); 1 + 2^-52 + 2^-53 rounds up to 1 + 2^-51.
        Assert.Equal(1.0, Sum([1, Math.ScaleB(1, -53)]));
        Assert.Equal(1 + Math.ScaleB(1, -51), Sum([1, Math.ScaleB(1, -52), Math.ScaleB(1, -53)]));
        Assert.Equal(1 + Math.ScaleB(1, -52), Sum([1, Math.ScaleB(1, -53), Math.ScaleB(1, -60)]));
    }

    [Fact]
    public void A_term_repeated_is_added_that_many_times_exactly()
    {
        Gen.Select(Gen.Double[-1e6, 1e6], Gen.Int[1, 10_000]).Sample((v, times) =>
        {
            var once = new ExactSum();
            once.Add(v, times);
            Assert.Equal(BitConverter.DoubleToInt64Bits(Sum(Enumerable.Repeat(v, times))), BitConverter.DoubleToInt64Bits(once.Value));
            Assert.Equal(times, once.Count);
        }, iter: 200);
    }
}
