using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Tests.Sampling;

public sealed class CorrelationMatrixTests
{
    private static CorrelationSpec Pair(string a, string b, double rho, int line) => new(a, b, rho, new SourceLocation("s.yaml", line, 5));

    [Fact]
    public void A_consistent_matrix_has_no_offending_pairs()
    {
        var m = CorrelationMatrix.From([Pair("a", "b", 0.5, 1), Pair("b", "c", 0.5, 2), Pair("a", "c", 0.25, 3)]);
        Assert.Empty(m.OffendingPairs(out var smallest));
        Assert.True(smallest > 0);
        Assert.Equal(["a", "b", "c"], m.Paths.ToArray());
        Assert.Equal(0.25, m[2, 0]);
    }

    [Fact]
    public void Three_pairs_that_cannot_hold_together_are_all_named()
    {
        // a~b and a~c strongly positive but b~c strongly negative: eigenvalues of [[1,.9,.9],[.9,1,-.9],[.9,-.9,1]]
        // are 1.9, 1.9 and -0.8.
        var m = CorrelationMatrix.From([Pair("a", "b", 0.9, 1), Pair("a", "c", 0.9, 2), Pair("b", "c", -0.9, 3), Pair("d", "e", 0.3, 4)]);
        var offending = m.OffendingPairs(out var smallest);
        Assert.Equal(-0.8, smallest, 9);
        Assert.Equal([1, 2, 3], offending.Select(p => p.Location.Line).Order());
    }

    [Fact]
    public void A_perfect_correlation_is_semi_definite_and_accepted() =>
        Assert.Empty(CorrelationMatrix.From([Pair("a", "b", 1, 1)]).OffendingPairs(out _));
}
