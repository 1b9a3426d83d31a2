using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Sampling;

namespace Alibaba.ChipSim.Tests.Sampling;

public sealed class RandomStreamsTests
{
    [Fact]
    public void A_draw_depends_only_on_seed_trial_key_and_counter()
    {
        var key = RandomStreams.KeyOf("shipments.initial_modules");
        var a = RandomStreams.Uniform(42, 7, key, 3);
        var b = RandomStreams.Uniform(42, 7, key, 3);
        Assert.Equal(a, b);
        Assert.NotEqual(a, RandomStreams.Uniform(43, 7, key, 3));
        Assert.NotEqual(a, RandomStreams.Uniform(42, 8, key, 3));
        Assert.NotEqual(a, RandomStreams.Uniform(42, 7, RandomStreams.KeyOf("economics.usd_cny"), 3));
        Assert.NotEqual(a, RandomStreams.Uniform(42, 7, key, 4));
    }

    [Fact]
    public void Uniforms_are_in_the_open_unit_interval_with_the_right_mean_and_variance()
    {
        // 200,000 draws: mean 1/2 with SE sqrt(1/12/n) ≈ 6.5e-4; variance 1/12 with SE ≈ sqrt(1/180/n) ≈ 1.7e-4.
        const int n = 200_000;
        var key = RandomStreams.KeyOf("x");
        double sum = 0, sumSq = 0;
        for (var t = 0; t < n; t++)
        {
            var u = RandomStreams.Uniform(1, t, key, 0);
            Assert.InRange(u, double.Epsilon, 1 - 1e-17);
            sum += u;
            sumSq += u * u;
        }
        var mean = sum / n;
        var variance = sumSq / n - mean * mean;
        Assert.InRange(mean, 0.5 - 4 * 6.5e-4, 0.5 + 4 * 6.5e-4);
        Assert.InRange(variance, 1.0 / 12 - 4 * 1.7e-4, 1.0 / 12 + 4 * 1.7e-4);
    }

    [Fact]
    public void Neighbouring_trials_are_uncorrelated()
    {
        // Lag-1 correlation of 100,000 consecutive trials' draws; SE ≈ 1/sqrt(n) ≈ 0.0032.
        const int n = 100_000;
        var key = RandomStreams.KeyOf("x");
        var xs = new double[n];
        for (var t = 0; t < n; t++) xs[t] = RandomStreams.Uniform(5, t, key, 0);
        var r = MathNet.Numerics.Statistics.Correlation.Pearson(xs.AsSpan(0, n - 1).ToArray(), xs.AsSpan(1).ToArray());
        Assert.InRange(r, -4 * 0.0032, 4 * 0.0032);
    }

    [Fact]
    public void Uniforms_fills_the_same_bits_as_one_uniform_at_a_time_for_every_length()
    {
        var rng = new Random(17);
        for (var length = 0; length <= 41; length++)
            for (var rep = 0; rep < 20; rep++)
            {
                var stream = (ulong)rng.NextInt64() ^ ((ulong)rng.Next() << 40);
                var filled = new double[length];
                RandomStreams.Uniforms(stream, filled);
                for (var c = 0; c < length; c++)
                    Assert.Equal(BitConverter.DoubleToInt64Bits(RandomStreams.Uniform(stream, c)), BitConverter.DoubleToInt64Bits(filled[c]));
            }
        // Streams at the edges of the 64-bit range (wrap-around in the counter addition).
        foreach (var stream in new[] { 0UL, ulong.MaxValue, ulong.MaxValue - 3, 1UL << 63 })
        {
            var filled = new double[28];
            RandomStreams.Uniforms(stream, filled);
            for (var c = 0; c < filled.Length; c++) Assert.Equal(RandomStreams.Uniform(stream, c), filled[c]);
        }
    }

    [Fact]
    public void First_uniforms_of_many_streams_are_the_bits_of_each_stream_alone_for_every_count()
    {
        var rng = new Random(23);
        for (var count = 0; count <= 27; count++)
            for (var rep = 0; rep < 20; rep++)
            {
                var trialHash = rep == 0 ? ulong.MaxValue : (ulong)rng.NextInt64() ^ ((ulong)rng.Next() << 40);
                var keys = Enumerable.Range(0, count).Select(k => RandomStreams.KeyOf($"parameter.{k}.{rep}")).ToArray();
                var filled = new double[count];
                RandomStreams.FirstUniforms(trialHash, keys, filled);
                for (var k = 0; k < count; k++)
                    Assert.Equal(BitConverter.DoubleToInt64Bits(RandomStreams.Uniform(RandomStreams.StreamOf(trialHash, keys[k]), 0)),
                        BitConverter.DoubleToInt64Bits(filled[k]));
            }
    }
}
