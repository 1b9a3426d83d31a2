using System.CommandLine;
using Alibaba.ChipSim.Cli;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Tests.Policy;
using Alibaba.ChipSim.Tests.Support;

namespace Alibaba.ChipSim.Tests.Cli;

/// <summary><c>chipsim graph</c>: the actors' diagrams of real scenario files, and clean failures.</summary>
public sealed class GraphCommandTests : IDisposable
{
    private readonly TempFolder _dir = new();
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    public void Dispose() => _dir.Dispose();

    private static string Base => Path.Combine(RepoRoot.Scenarios, "base.yaml");

    private int Chipsim(params string[] args)
    {
        var root = new RootCommand();
        foreach (var c in CommandCatalog.All()) root.Subcommands.Add(c);
        return root.Parse(args).Invoke(new InvocationConfiguration { Output = _out, Error = _err });
    }

    [Fact]
    public void Graph_of_the_base_scenario_prints_a_mermaid_state_diagram_with_every_state_of_every_actor()
    {
        var exit = Chipsim("graph", Base);

        Assert.Equal(0, exit);
        Assert.Equal("", _err.ToString());
        var text = _out.ToString();
        Assert.StartsWith("stateDiagram-v2\n", text);
        var scenario = ScenarioLoader.Load(Base).Scenario!;
        foreach (var actor in scenario.Actors)
        {
            Assert.Contains($"    state {actor.Name} {{\n", text);
            Assert.Contains($"[*] --> {actor.Name}_{actor.Initial}\n", text);
            foreach (var s in actor.States) Assert.Contains($"\" as {actor.Name}_{s.Name}\n", text);
        }
        Assert.Contains("[washington = licensed]", text);
    }

    [Fact]
    public void Graph_without_a_file_draws_the_embedded_base_scenario()
    {
        Assert.Equal(0, Chipsim("graph"));
        var fromFile = new StringWriter();
        GraphCommandRun(Base, "mermaid", fromFile);
        Assert.Equal(fromFile.ToString(), _out.ToString());
    }

    [GraphvizFact]
    public void Graph_in_dot_format_of_the_base_scenario_is_a_graph_that_graphviz_parses()
    {
        var exit = Chipsim("graph", Base, "--format", "dot");

        Assert.Equal(0, exit);
        Assert.Equal("", _err.ToString());
        PolicyGraphTests.AssertGraphvizRenders(_out.ToString());
    }

    [Fact]
    public void An_unknown_format_is_invalid_input_and_prints_no_diagram()
    {
        var exit = Chipsim("graph", Base, "--format", "svg");

        Assert.Equal(2, exit);
        Assert.Equal("", _out.ToString());
        Assert.Equal("graph: --format must be mermaid or dot (got 'svg')\n", _err.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_scenario_with_errors_is_reported_by_file_line_and_key_with_exit_code_2_and_no_diagram()
    {
        var file = _dir.File("bad.yaml");
        File.WriteAllText(file, File.ReadAllText(Base).Replace("initial: rescinded", "initial: nowhere", StringComparison.Ordinal));

        var exit = Chipsim("graph", file);

        Assert.Equal(2, exit);
        Assert.Equal("", _out.ToString());
        Assert.Contains($"{file}:", _err.ToString());
        Assert.Contains("actors.washington.initial", _err.ToString());
    }

    [Fact]
    public void A_missing_file_is_invalid_input()
    {
        Assert.Equal(2, Chipsim("graph", _dir.File("missing.yaml")));
        Assert.Equal("", _out.ToString());
        Assert.NotEqual("", _err.ToString());
    }

    private static void GraphCommandRun(string path, string format, TextWriter output) =>
        Assert.Equal(0, Alibaba.ChipSim.Cli.Commands.GraphCommand.Run(path, format, output, TextWriter.Null));
}
