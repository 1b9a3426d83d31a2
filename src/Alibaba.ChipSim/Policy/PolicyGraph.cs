using System.Text;
using System.Text.RegularExpressions;
using Alibaba.ChipSim.Scenarios;
using Stateless.Graph;

namespace Alibaba.ChipSim.Policy;

/// <summary>
/// The actors' state diagrams, from Stateless's own exports (<see cref="MermaidGraph"/>,
/// <see cref="UmlDotGraph"/>) of each machine's <c>GetInfo()</c>, gathered into one diagram with one
/// box per actor. Node names are qualified by actor (two actors may share a state name); the
/// transitions keep Stateless's labels (the monthly probability or date, and the guards), and each
/// state is labelled with its gate.
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
            var text = MermaidGraph.Format(machines.Info(a));
            var names = actor.States.ToDictionary(s => s.Name, s => s.Name, StringComparer.Ordinal);
            var body = new List<string>();
            foreach (var raw in Lines(text))
            {
                var line = raw.Trim();
                if (line.Length == 0 || line == "stateDiagram-v2" || line.StartsWith("direction ", StringComparison.Ordinal)) continue;
                if (MermaidTransition().Match(line) is { Success: true } t)
                    body.Add($"{Id(actor, names, t.Groups[1].Value)} --> {Id(actor, names, t.Groups[2].Value)} : {t.Groups[3].Value}");
                else if (MermaidInitial().Match(line) is { Success: true } i)
                    body.Insert(0, $"[*] --> {Id(actor, names, i.Groups[1].Value)}");
                else if (MermaidAlias().Match(line) is { Success: true } alias)
                    names[alias.Groups[1].Value] = alias.Groups[2].Value; // Stateless renamed a state with spaces, ':' or '-'
                else
                    throw new InvalidOperationException("unexpected line in Stateless's Mermaid output: " + line);
            }
            sb.Append("    state ").Append(Safe(actor.Name)).Append(" {\n");
            foreach (var s in actor.States)
                sb.Append("        state \"").Append(Label(s.Name)).Append(" (").Append(Label(PolicyLabels.Gate(s))).Append(")\" as ")
                  .Append(StateId(actor, s.Name)).Append('\n');
            foreach (var line in body) sb.Append("        ").Append(line).Append('\n');
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
            var names = actor.States.ToDictionary(s => s.Name, s => s.Name, StringComparer.Ordinal);
            var init = Safe(actor.Name) + "__init";
            sb.Append("    subgraph \"cluster_").Append(Safe(actor.Name)).Append("\" {\n");
            sb.Append("        label=\"").Append(DotEscape(actor.Name)).Append("\";\n");
            foreach (var s in actor.States)
                sb.Append("        \"").Append(StateId(actor, s.Name)).Append("\" [label=\"")
                  .Append(RecordEscape(s.Name)).Append('|').Append(RecordEscape(PolicyLabels.Gate(s))).Append('"')
                  .Append(s.Final ? ", peripheries=2" : "").Append("];\n");
            foreach (var raw in Lines(UmlDotGraph.Format(machines.Info(a))))
            {
                var line = raw.Trim();
                if (line.Length == 0 || line is "digraph {" or "compound=true;" or "node [shape=Mrecord]" or "rankdir=\"LR\"" or "}"
                    || DotNode().IsMatch(line) || line.StartsWith("init [", StringComparison.Ordinal)) continue;
                if (DotEdge().Match(line) is { Success: true } e)
                    sb.Append("        \"").Append(Id(actor, names, e.Groups[1].Value)).Append("\" -> \"")
                      .Append(Id(actor, names, e.Groups[2].Value)).Append("\" [label=\"").Append(DotEscape(e.Groups[3].Value)).Append("\"];\n");
                else if (DotInitial().Match(line) is { Success: true } i)
                    sb.Append("        \"").Append(init).Append("\" [label=\"\", shape=point];\n        \"").Append(init)
                      .Append("\" -> \"").Append(Id(actor, names, i.Groups[1].Value)).Append("\";\n");
                else
                    throw new InvalidOperationException("unexpected line in Stateless's DOT output: " + line);
            }
            sb.Append("    }\n");
        }
        sb.Append("}\n");
        return sb.ToString();
    }

    private static IEnumerable<string> Lines(string text) => text.Replace("\r\n", "\n").Split('\n');

    private static string Id(ActorSpec actor, Dictionary<string, string> names, string node) =>
        StateId(actor, names.TryGetValue(node, out var name) ? name : node);

    private static string StateId(ActorSpec actor, string state) => Safe(actor.Name) + "_" + Safe(state);

    private static string Safe(string name) => NotIdentifier().Replace(name, "_");

    private static string Label(string text) => text.Replace("\"", "'", StringComparison.Ordinal);

    private static string DotEscape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);

    private static string RecordEscape(string text) => RecordSpecial().Replace(DotEscape(text), m => "\\" + m.Value);

    [GeneratedRegex(@"^(\S+) --> (\S+) : (.*)$")]
    private static partial Regex MermaidTransition();

    [GeneratedRegex(@"^\[\*\] --> (\S+)$")]
    private static partial Regex MermaidInitial();

    [GeneratedRegex(@"^(\S+) : (.+)$")]
    private static partial Regex MermaidAlias();

    [GeneratedRegex(@"^""[^""]+"" \[label=")]
    private static partial Regex DotNode();

    [GeneratedRegex(@"^""([^""]+)"" -> ""([^""]+)"" \[style=""solid"", label=""(.*)""\];$")]
    private static partial Regex DotEdge();

    [GeneratedRegex(@"^init -> ""([^""]+)""\s*\[style = ""solid""\]$")]
    private static partial Regex DotInitial();

    [GeneratedRegex(@"[^A-Za-z0-9_]")]
    private static partial Regex NotIdentifier();

    [GeneratedRegex(@"[|{}<>]")]
    private static partial Regex RecordSpecial();
}
