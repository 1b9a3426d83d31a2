using Alibaba.ChipSim.Cli.Rendering;

namespace Alibaba.ChipSim.Tests.Cli;

public sealed class WarmUpTests
{
    [Fact]
    public void The_warm_up_table_is_rendered_as_the_summary_table_is()
    {
        var writer = new StringWriter();
        WarmUp.RenderTable(writer);
        var text = writer.ToString();
        Assert.Contains("warm-up: 1,000 trials, seed 1", text);
        Assert.Contains("╭", text);
        Assert.Contains("Percentiles over the trials where the metric is defined.", text);
        Assert.Equal(-1, text.IndexOf('\u001b')); // no escape sequences: the warm-up console has no ANSI
        Assert.All(text.Split('\n'), line => Assert.Equal(line.TrimEnd(), line.TrimEnd('\r')));
    }
}
