using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Tests.Sampling;

public sealed class CorrelationMatrixCheckTests
{
    [Fact]
    public void A_matrix_that_is_not_positive_semi_definite_is_an_error_at_each_offending_pair_naming_them_all()
    {
        CorrelationSpec[] pairs =
        [
            new("economics.price_per_chip_usd", "compute.utilization", 0.9, new SourceLocation("s.yaml", 40, 5)),
            new("economics.price_per_chip_usd", "compute.h200_vs_h20", 0.9, new SourceLocation("s.yaml", 41, 5)),
            new("compute.utilization", "compute.h200_vs_h20", -0.9, new SourceLocation("s.yaml", 42, 5)),
        ];
        var diagnostics = CorrelationMatrixCheck.Check([.. pairs]);
        Assert.Equal(3, diagnostics.Length);
        Assert.All(diagnostics, d => Assert.Equal(Severity.Error, d.Severity));
        Assert.Equal(["correlations[0]", "correlations[1]", "correlations[2]"], diagnostics.Select(d => d.KeyPath).Order());
        var text = diagnostics[0].ToString();
        Assert.StartsWith("s.yaml:", text);
        Assert.Contains("not positive semi-definite (smallest eigenvalue -0.8)", text);
        Assert.Contains("economics.price_per_chip_usd ~ compute.utilization (rho 0.9, line 40)", text);
        Assert.Contains("compute.utilization ~ compute.h200_vs_h20 (rho -0.9, line 42)", text);
    }

    [Fact]
    public void Consistent_correlations_pass() =>
        Assert.Empty(CorrelationMatrixCheck.Check(
        [
            new("a", "b", 0.5, new SourceLocation("s.yaml", 1, 1)),
            new("b", "c", -0.3, new SourceLocation("s.yaml", 2, 1)),
        ]));
}
