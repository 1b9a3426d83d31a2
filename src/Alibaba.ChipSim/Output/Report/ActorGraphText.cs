using System.Globalization;
using System.Text;
using Alibaba.ChipSim.Distributions;
using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Output.Report;

/// <summary>
/// An actor's states and transitions as Graphviz DOT and as Mermaid text, labelled with gates, monthly hazards and
/// scheduled dates, so that a board reader sees the numbers the paths are drawn from.
/// </summary>
public static class ActorGraphText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Dot(ActorSpec actor)
    {
        var sb = new StringBuilder();
        sb.Append("digraph \"").Append(Escape(actor.Name)).Append("\" {\n")
            .Append("  rankdir=LR;\n  bgcolor=\"white\";\n")
            .Append("  node [shape=box, style=\"rounded\", fontname=\"DejaVu Sans\", fontsize=11];\n")
            .Append("  edge [fontname=\"DejaVu Sans\", fontsize=10];\n")
            .Append("  label=\"").Append(Escape(actor.Name)).Append("\"; labelloc=t; fontname=\"DejaVu Sans\"; fontsize=14;\n")
            .Append("  __start [shape=point, width=0.15];\n")
            .Append("  __start -> \"").Append(Escape(actor.Initial)).Append("\";\n");
        foreach (var state in actor.States)
        {
            sb.Append("  \"").Append(Escape(state.Name)).Append("\" [label=\"").Append(Escape(state.Name))
                .Append("\\ngate ").Append(Escape(Describe(state.Gate.Distribution))).Append('"');
            if (state.Final) sb.Append(", peripheries=2");
            sb.Append("];\n");
        }
        foreach (var t in actor.Transitions)
            sb.Append("  \"").Append(Escape(t.From)).Append("\" -> \"").Append(Escape(t.To)).Append("\" [label=\"")
                .Append(Escape(Label(t))).Append('"').Append(t.IsScheduled ? ", style=dashed" : "").Append("];\n");
        return sb.Append("}\n").ToString();
    }

    public static string Mermaid(ActorSpec actor)
    {
        var sb = new StringBuilder("stateDiagram-v2\n");
        sb.Append("    [*] --> ").Append(actor.Initial).Append('\n');
        foreach (var state in actor.States)
            sb.Append("    ").Append(state.Name).Append(" : gate ").Append(Describe(state.Gate.Distribution)).Append('\n');
        foreach (var t in actor.Transitions)
            sb.Append("    ").Append(t.From).Append(" --> ").Append(t.To).Append(" : ").Append(Label(t)).Append('\n');
        foreach (var state in actor.States.Where(s => s.Final))
            sb.Append("    ").Append(state.Name).Append(" --> [*]\n");
        return sb.ToString();
    }

    private static string Label(TransitionSpec t)
    {
        var label = t.IsScheduled ? $"at {t.At}" : $"{Describe(t.Monthly!.Distribution)}/month";
        if (t.When.Length > 0) label += " when " + string.Join(", ", t.When.Select(g => $"{g.Actor}={g.State}"));
        return label;
    }

    /// <summary>A compact form of a gate or hazard: the constant, or the distribution's name and parameters.</summary>
    private static string Describe(DistributionSpec d) => d switch
    {
        FixedDistribution f => N(f.Value),
        UniformDistribution u => $"U({N(u.Min)}, {N(u.Max)})",
        TriangularDistribution t => $"triangular({N(t.Min)}, {N(t.Mode)}, {N(t.Max)})",
        PertDistribution p => $"PERT({N(p.Min)}, {N(p.Mode)}, {N(p.Max)})",
        BetaDistribution b => $"beta({N(b.Alpha)}, {N(b.Beta)})",
        BernoulliDistribution b => $"bernoulli({N(b.P)})",
        _ => d.Kind,
    };

    private static string N(double v) => v.ToString("0.###", Invariant);

    private static string Escape(string s) => s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
