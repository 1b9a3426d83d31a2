using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Sampling;
using Alibaba.ChipSim.Statistics.Sensitivity;
using MathNet.Numerics.Statistics;

namespace Alibaba.ChipSim.Tests.Sensitivity;

public sealed class RanksTests
{
    [Fact]
    public void Tied_values_share_the_average_of_their_ranks() =>
        // sorted: 5 (1), 10 (2), 20 20 (3, 4 → 3.5), 30 30 30 (5, 6, 7 → 6)
        Assert.Equal([2, 3.5, 3.5, 1, 6, 6, 6], Ranks.Average([10, 20, 20, 5, 30, 30, 30]));

    [Fact]
    public void Spearman_agrees_with_mathnet_on_data_with_many_ties()
    {
        const int n = 5000;
        // Rounded values make heavy ties, the case a fast ranker gets wrong first.
        var x = Enumerable.Range(0, n).Select(t => Math.Round(RandomStreams.Uniform(9, t, 1, 0) * 20)).ToArray();
        var y = Enumerable.Range(0, n).Select(t => Math.Round(x[t] + RandomStreams.Uniform(9, t, 2, 0) * 15)).ToArray();
        Assert.Equal(Correlation.Spearman(x, y), Ranks.Spearman(x, y), 12);
    }

    [Fact]
    public void A_constant_side_has_no_correlation() =>
        Assert.True(double.IsNaN(Ranks.Spearman([1, 2, 3], [4, 4, 4])));
}
