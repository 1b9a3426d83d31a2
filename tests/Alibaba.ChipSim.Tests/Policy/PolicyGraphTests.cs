using System.Diagnostics;
using System.Globalization;
using Alibaba.ChipSim.Distributions;
using Alibaba.ChipSim.Policy;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Tests.Support;
using static Alibaba.ChipSim.Tests.Support.TestScenarios;

namespace Alibaba.ChipSim.Tests.Policy;

/// <summary>The state diagrams: Stateless's exports, one box per actor, annotated with probabilities, dates, guards and gates.</summary>
public sealed class PolicyGraphTests
{
    private static Scenario Small() => PolicyScenarios.WithActors("2026-01", 12,
        Actor("us", "open", [State("us", "open", 1), State("us", "shut", 0, final: true)], Hazard("us", "open", "shut", 0.05)),
        Actor("cn", "open",
            [State("cn", "open", new UniformDistribution(0.2, 0.6)), State("cn", "review", 0)],
            Hazard("cn", "open", "review", 0.1, new Guard("us", "shut")),
            Scheduled("review", "open", "2026-07")));

    [Fact]
    public void Mermaid_diagram_has_one_box_per_actor_with_gates_probabilities_dates_and_guards()
    {
        const string expected = """
            stateDiagram-v2
                state us {
                    state "open (gate 1)" as us_open
                    state "shut (gate 0, final)" as us_shut
                    [*] --> us_open
                    us_open --> us_shut : monthly 0.05
                    us_shut --> [*]
                }
                state cn {
                    state "open (gate ~ uniform(0.2, 0.6))" as cn_open
                    state "review (gate 0)" as cn_review
                    [*] --> cn_open
                    cn_open --> cn_review : monthly 0.1 [us = shut]
                    cn_review --> cn_open : at 2026-07
                }

            """;
        Assert.Equal(expected.ReplaceLineEndings("\n"), PolicyGraph.Mermaid(Small()));
    }

    [Fact]
    public void Every_declared_transition_appears_in_both_formats_with_its_label()
    {
        var scenario = PolicyScenarios.ThreeActors();
        var mermaid = PolicyGraph.Mermaid(scenario);
        var dot = PolicyGraph.Dot(scenario);
        Assert.StartsWith("stateDiagram-v2\n", mermaid);
        Assert.StartsWith("digraph chipsim {\n", dot);
        foreach (var actor in scenario.Actors)
            foreach (var t in actor.Transitions)
            {
                var label = t.At is { } at ? "at " + at
                    : t.Monthly!.Distribution is FixedDistribution f ? "monthly " + f.Value.ToString(CultureInfo.InvariantCulture)
                    : "monthly ~ ";
                var from = actor.Name + "_" + t.From;
                var to = actor.Name + "_" + t.To;
                Assert.Contains($"{from} --> {to} : {label}", mermaid);
                Assert.Contains($"\"{from}\" -> \"{to}\" [label=\"{label}", dot);
                var guards = string.Concat(t.When.Select(g => $" [{g.Actor} = {g.State}]"));
                Assert.Matches($"{from} --> {to} : {System.Text.RegularExpressions.Regex.Escape(label)}[^\n]*{System.Text.RegularExpressions.Regex.Escape(guards)}\n", mermaid);
            }
        Assert.Contains("monthly 0.1 [congress = hostile] [beijing = approved]", mermaid);
        Assert.Contains("monthly ~ pert(0.1, 0.2, 0.3) [washington = licensed]", dot);
    }

    [Fact]
    public void States_that_share_a_name_across_actors_stay_apart()
    {
        var mermaid = PolicyGraph.Mermaid(Small());
        Assert.Contains("as us_open", mermaid);
        Assert.Contains("as cn_open", mermaid);
        Assert.DoesNotContain(" open -->", mermaid);
    }

    [Fact]
    public void State_names_that_Stateless_renames_for_Mermaid_keep_their_own_label_and_a_safe_id()
    {
        // Stateless's Mermaid export drops '-' from node names and declares an alias; the diagram maps it back.
        var scenario = PolicyScenarios.WithActors("2026-01", 6,
            Actor("x", "wait-list", [State("x", "wait-list", 0), State("x", "go", 1)], Hazard("x", "wait-list", "go", 0.5)));
        var mermaid = PolicyGraph.Mermaid(scenario);
        Assert.Contains("state \"wait-list (gate 0)\" as x_wait_list\n", mermaid);
        Assert.Contains("[*] --> x_wait_list\n", mermaid);
        Assert.Contains("x_wait_list --> x_go : monthly 0.5\n", mermaid);
        Assert.Contains("\"x_wait_list\" -> \"x_go\" [label=\"monthly 0.5\"];", PolicyGraph.Dot(scenario));
    }

    [GraphvizFact]
    public void Dot_output_of_the_spec_example_is_a_graph_that_graphviz_parses() => AssertGraphvizRenders(PolicyGraph.Dot(TestScenarios.SpecExample()));

    [GraphvizFact]
    public void Dot_output_of_three_actors_is_a_graph_that_graphviz_parses() => AssertGraphvizRenders(PolicyGraph.Dot(PolicyScenarios.ThreeActors()));

    internal static void AssertGraphvizRenders(string dot)
    {
        var start = new ProcessStartInfo(GraphvizFactAttribute.DotPath()!, "-Tsvg")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        process.StandardInput.Write(dot);
        process.StandardInput.Close();
        var svg = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0 && errors.Length == 0, $"dot exit {process.ExitCode}: {errors}\n{dot}");
        Assert.Contains("<svg", svg.Result);
    }
}
