using Alibaba.ChipSim.Cli.Reporting;
using Alibaba.ChipSim.Report;
using Alibaba.ChipSim.Policy;
using Alibaba.ChipSim.Tests.Support;

namespace Alibaba.ChipSim.Tests.Report;

public sealed class GraphvizDiagramsTests
{
    [Fact]
    public void Without_graphviz_the_diagram_is_the_policy_mermaid_text_and_the_report_says_so()
    {
        var scenario = TestScenarios.SpecExample();
        var diagram = Assert.Single(GraphvizDiagrams.For(scenario, dot: null));
        Assert.Equal("washington, beijing", diagram.Actor);
        Assert.Equal(DiagramFormat.Text, diagram.Format);
        Assert.Equal(PolicyGraph.Mermaid(scenario), diagram.Content);
        Assert.Contains("not installed", diagram.Source);
    }

    [GraphvizFact]
    public void With_graphviz_the_diagram_is_an_svg_naming_every_state_of_every_actor()
    {
        var scenario = TestScenarios.SpecExample();
        var diagram = Assert.Single(GraphvizDiagrams.For(scenario, GraphvizDiagrams.FindDot()));
        Assert.Equal(DiagramFormat.Svg, diagram.Format);
        Assert.Contains("<svg", diagram.Content);
        foreach (var actor in scenario.Actors)
            foreach (var state in actor.States) Assert.Contains($">{state.Name}</text>", diagram.Content);
    }
}
