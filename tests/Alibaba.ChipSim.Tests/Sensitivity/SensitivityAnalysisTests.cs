using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Sampling;
using Alibaba.ChipSim.Statistics.Sensitivity;

namespace Alibaba.ChipSim.Tests.Sensitivity;

public sealed class SensitivityAnalysisTests
{
    private static double[] Uniforms(int n, ulong key) => Enumerable.Range(0, n).Select(t => RandomStreams.Uniform(4, t, key, 0)).ToArray();

    private static KeyValuePair<string, double[]> Column(string name, double[] values) => new(name, values);

    [Fact]
    public void The_input_that_dominates_by_construction_ranks_first_with_most_of_the_variance()
    {
        // y = 10·big + small + noise on independent uniforms: var 100/12 against 1/12 and 0.25/12.
        const int n = 4000;
        var big = Uniforms(n, 1);
        var small = Uniforms(n, 2);
        var idle = Uniforms(n, 3);
        var noise = Uniforms(n, 4);
        var y = Enumerable.Range(0, n).Select(t => 10 * big[t] + small[t] + 0.5 * noise[t]).ToArray();
        var report = SensitivityAnalysis.Compute(
            [Column("small", small), Column("idle", idle), Column("big", big)],
            [Column("y", y)]);
        var output = Assert.Single(report.Outputs);
        Assert.Equal(["big", "small", "idle"], output.Inputs.Select(i => i.Input));
        var first = output.Inputs[0];
        Assert.True(first.Spearman > 0.95, $"ρ = {first.Spearman}");
        Assert.True(first.VarianceShare > 0.9, $"share = {first.VarianceShare}");
        Assert.True(output.RankRegressionR2 > 0.95, $"R² = {output.RankRegressionR2}");
        Assert.Equal(1.0, output.Inputs.Sum(i => i.VarianceShare), 12);
        // An independent input: ρ ~ N(0, 1/n), SE 1/√4000 ≈ 0.016; 4 SE.
        Assert.InRange(output.Inputs[2].Spearman, -0.064, 0.064);
    }

    [Fact]
    public void Trials_where_an_output_is_missing_are_left_out_for_that_output_only()
    {
        // y is missing wherever x > 0.5 and equals x elsewhere: ρ = 1 over the defined half.
        const int n = 1000;
        var x = Uniforms(n, 1);
        var y = x.Select(v => v > 0.5 ? double.NaN : v).ToArray();
        var z = x.Select(v => -v).ToArray();
        var report = SensitivityAnalysis.Compute([Column("x", x)], [Column("y", y), Column("z", z)]);
        var yOut = report.Output("y")!;
        Assert.Equal(x.Count(v => v <= 0.5), yOut.Count);
        Assert.Equal(1.0, yOut.Inputs[0].Spearman, 12);
        Assert.Equal(n, report.Output("z")!.Count);
        Assert.Equal(-1.0, report.Output("z")!.Inputs[0].Spearman, 12);
    }

    [Fact]
    public void A_constant_output_reports_no_correlation_rather_than_a_number()
    {
        var x = Uniforms(100, 1);
        var report = SensitivityAnalysis.Compute([Column("x", x)], [Column("c", new double[100])]);
        var entry = report.Outputs[0].Inputs[0];
        Assert.True(double.IsNaN(entry.Spearman));
        Assert.True(double.IsNaN(entry.Srrc));
        Assert.True(double.IsNaN(report.Outputs[0].RankRegressionR2));
    }
}
