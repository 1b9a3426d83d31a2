using Alibaba.ChipSim.Cli.Reporting;
using Alibaba.ChipSim.Output.Report;
using Alibaba.ChipSim.Tests.Support;

namespace Alibaba.ChipSim.Tests.Report;

public sealed class GraphvizDiagramsTests
{
    [Fact]
    public void Without_graphviz_each_actor_is_embedded_as_mermaid_text_and_the_report_says_so()
    {
        var diagrams = GraphvizDiagrams.For(TestScenarios.SpecExample(), dot: null);
        Assert.Equal(["washington", "beijing"], diagrams.Select(d => d.Actor));
        Assert.All(diagrams, d =>
        {
            Assert.Equal(DiagramFormat.Text, d.Format);
            Assert.StartsWith("stateDiagram-v2", d.Content);
            Assert.Contains("not installed", d.Source);
        });
    }

    [GraphvizFact]
    public void With_graphviz_each_actor_is_an_svg_naming_every_state()
    {
        var dot = GraphvizDiagrams.FindDot();
        var scenario = TestScenarios.SpecExample();
        var diagrams = GraphvizDiagrams.For(scenario, dot);
        for (var i = 0; i < scenario.Actors.Length; i++)
        {
            Assert.Equal(DiagramFormat.Svg, diagrams[i].Format);
            Assert.Contains("<svg", diagrams[i].Content);
            foreach (var state in scenario.Actors[i].States) Assert.Contains($">{state.Name}</text>", diagrams[i].Content);
        }
    }
}
