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

    [Fact]
    public void The_yaml_warm_up_reads_its_document() => Assert.True(Alibaba.ChipSim.Scenarios.Yaml.YamlWarmUp.Parse());

    [Fact]
    public void The_yaml_warm_up_starts_for_the_commands_that_read_yaml_and_they_are_commands()
    {
        var commands = Alibaba.ChipSim.Cli.CommandCatalog.All().Select(c => c.Name).ToHashSet();
        Assert.Subset(commands, WarmUp.YamlCommands.ToHashSet());
        Assert.True(WarmUp.StartYamlReader(["validate", "scenario.yaml"]));
        Assert.True(WarmUp.StartYamlReader(["run"]));
        Assert.False(WarmUp.StartYamlReader(["diff", "a", "b"]));
        Assert.False(WarmUp.StartYamlReader(["merge", "s0"]));
        Assert.False(WarmUp.StartYamlReader(["--version"]));
        Assert.False(WarmUp.StartYamlReader([]));
    }
}
