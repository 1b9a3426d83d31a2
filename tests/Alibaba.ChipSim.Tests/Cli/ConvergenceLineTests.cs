using Alibaba.ChipSim.Cli.Rendering;
using Alibaba.ChipSim.Statistics.Convergence;
using Spectre.Console.Testing;

namespace Alibaba.ChipSim.Tests.Cli;

public sealed class ConvergenceLineTests
{
    [Theory]
    [InlineData(true, "base: --until-se roi=0.01 met after 2,000 trials (2 batches of 1,000; mean 1.49, SE 0.0099)")]
    [InlineData(false, "base: --until-se roi=0.01 not met within --max-trials 2,000 (2 batches of 1,000; mean 1.49, SE 0.0099)")]
    public void The_line_says_whether_the_target_was_met_and_after_how_many_trials(bool converged, string expected)
    {
        var trace = new ConvergenceTrace(new SeTarget("roi", 0.01), 1000, 2000, converged,
            [new ConvergencePoint(1000, 990, 1.5, 0.02), new ConvergencePoint(2000, 1985, 1.49, 0.0099)]);
        var console = new TestConsole().Width(200);
        console.Write(ConvergenceLine.Render("base", trace));
        Assert.Equal(expected, console.Output.TrimEnd());
    }

    [Fact]
    public void One_batch_is_written_in_the_singular()
    {
        var trace = new ConvergenceTrace(new SeTarget("roi", 0.05), 1000, 2000, Converged: true,
            [new ConvergencePoint(1000, 990, 1.5, 0.02)]);
        var console = new TestConsole().Width(200);
        console.Write(ConvergenceLine.Render("base", trace));
        Assert.Equal("base: --until-se roi=0.05 met after 1,000 trials (1 batch of 1,000; mean 1.5, SE 0.02)", console.Output.TrimEnd());
    }

    [Fact]
    public void A_last_batch_cut_short_by_max_trials_is_given_its_size()
    {
        var trace = new ConvergenceTrace(new SeTarget("roi", 0.001), 1000, 2500, Converged: false,
            [new ConvergencePoint(1000, 990, 1.5, 0.02), new ConvergencePoint(2000, 1985, 1.49, 0.0099), new ConvergencePoint(2500, 2480, 1.49, 0.009)]);
        var console = new TestConsole().Width(200);
        console.Write(ConvergenceLine.Render("base", trace));
        Assert.Equal("base: --until-se roi=0.001 not met within --max-trials 2,500 (3 batches of 1,000, the last of 500; mean 1.49, SE 0.009)", console.Output.TrimEnd());
    }

    [Fact]
    public void A_single_batch_cut_short_by_max_trials_is_given_its_size()
    {
        var trace = new ConvergenceTrace(new SeTarget("roi", 0.001), 1000, 600, Converged: false, [new ConvergencePoint(600, 590, 1.5, 0.02)]);
        var console = new TestConsole().Width(200);
        console.Write(ConvergenceLine.Render("base", trace));
        Assert.Equal("base: --until-se roi=0.001 not met within --max-trials 600 (1 batch of 1,000 cut to 600; mean 1.5, SE 0.02)", console.Output.TrimEnd());
    }
}
