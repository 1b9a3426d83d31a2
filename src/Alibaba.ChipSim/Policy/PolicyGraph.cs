using System.Text;
using System.Text.RegularExpressions;
using Alibaba.ChipSim.Scenarios;
using Stateless.Reflection;

namespace Alibaba.ChipSim.Policy;

/// <summary>
/// The actors' state diagrams (Mermaid or DOT), rendered from Stateless's own description of each machine
/// (<see cref="StateMachineInfo"/> from <c>GetInfo()</c>): its initial state, its states and their permitted
/// transitions with their guards, gathered into one diagram with one box per actor. Node names are qualified
/// by actor (two actors may share a state name); a transition is labelled with its monthly probability or
/// date and each guard in brackets, a state with its gate (docs/model.md, "Policy actors").
/// </summary>
public static partial class PolicyGraph
{
    public static string Mermaid(Scenario scenario)
    {
        var machines = new PolicyMachines(scenario);
        var sb = new StringBuilder("stateDiagram-v2\n");
        for (var a = 0; a < machines.ActorCount; a++)
        {
            var actor = machines.Actors[a];
            var info = machines.Info(a);
            sb.Append("    state ").Append(Safe(actor.Name)).Append(" {\n");
            foreach (var s in actor.States)
                sb.Append("        state \"").Append(Label(s.Name)).Append(" (").Append(Label(PolicyLabels.Gate(s))).Append(")\" as ")
                  .Append(StateId(actor, s.Name)).Append('\n');
            sb.Append("        [*] --> ").Append(StateId(actor, Name(info.InitialState))).Append('\n');
            foreach (var (from, to, label) in Transitions(info))
                sb.Append("        ").Append(StateId(actor, from)).Append(" --> ").Append(StateId(actor, to)).Append(" : ").Append(label).Append('\n');
            foreach (var s in actor.States)
                if (s.Final) sb.Append("        ").Append(StateId(actor, s.Name)).Append(" --> [*]\n");
            sb.Append("    }\n");
        }
        return sb.ToString();
    }

    public static string Dot(Scenario scenario)
    {
        var machines = new PolicyMachines(scenario);
        var sb = new StringBuilder("digraph chipsim {\n    compound=true;\n    node [shape=Mrecord];\n    rankdir=\"LR\";\n");
        for (var a = 0; a < machines.ActorCount; a++)
        {
            var actor = machines.Actors[a];
            var info = machines.Info(a);
            var init = Safe(actor.Name) + "__init";
            sb.Append("    subgraph \"cluster_").Append(Safe(actor.Name)).Append("\" {\n");
            sb.Append("        label=\"").Append(DotEscape(actor.Name)).Append("\";\n");
            foreach (var s in actor.States)
                sb.Append("        \"").Append(StateId(actor, s.Name)).Append("\" [label=\"")
                  .Append(RecordEscape(s.Name)).Append('|').Append(RecordEscape(PolicyLabels.Gate(s))).Append('"')
                  .Append(s.Final ? ", peripheries=2" : "").Append("];\n");
            foreach (var (from, to, label) in Transitions(info))
                sb.Append("        \"").Append(StateId(actor, from)).Append("\" -> \"").Append(StateId(actor, to))
                  .Append("\" [label=\"").Append(DotEscape(label)).Append("\"];\n");
            sb.Append("        \"").Append(init).Append("\" [label=\"\", shape=point];\n        \"").Append(init)
              .Append("\" -> \"").Append(StateId(actor, Name(info.InitialState))).Append("\";\n");
            sb.Append("    }\n");
        }
        sb.Append("}\n");
        return sb.ToString();
    }

    /// <summary>
    /// Every permitted transition of one machine, state by state as Stateless lists them, each labelled with its
    /// trigger's text and then each guard's description in brackets.
    /// </summary>
    private static IEnumerable<(string From, string To, string Label)> Transitions(StateMachineInfo info)
    {
        foreach (var state in info.States)
            foreach (var t in state.FixedTransitions)
            {
                var label = new StringBuilder(t.Trigger.UnderlyingTrigger.ToString());
                foreach (var guard in t.GuardConditionsMethodDescriptions) label.Append(" [").Append(guard.Description).Append(']');
                yield return (Name(state), Name(t.DestinationState), label.ToString());
            }
    }

    private static string Name(StateInfo state) => (string)state.UnderlyingState;

    private static string StateId(ActorSpec actor, string state) => Safe(actor.Name) + "_" + Safe(state);

    private static string Safe(string name) => NotIdentifier().Replace(name, "_");

    private static string Label(string text) => text.Replace("\"", "'", StringComparison.Ordinal);

    private static string DotEscape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);

    private static string RecordEscape(string text) => RecordSpecial().Replace(DotEscape(text), m => "\\" + m.Value);

    [GeneratedRegex(@"[^A-Za-z0-9_]")]
    private static partial Regex NotIdentifier();

    [GeneratedRegex(@"[|{}<>]")]
    private static partial Regex RecordSpecial();
}
