using System.Globalization;
using Alibaba.ChipSim.Distributions;
using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Policy;

/// <summary>The short texts that annotate the diagrams: probabilities, dates, guards and gates.</summary>
internal static class PolicyLabels
{
    public static string Transition(TransitionSpec t) =>
        t.At is { } at ? "at " + at : "monthly " + Value(t.Monthly!.Distribution);

    public static string Guard(Guard g) => $"{g.Actor} = {g.State}";

    public static string Gate(StateSpec s) => "gate " + Value(s.Gate.Distribution) + (s.Final ? ", final" : "");

    /// <summary>A constant as a number; a distribution as <c>~ kind(parameters)</c>, with its truncation.</summary>
    public static string Value(DistributionSpec d)
    {
        if (d is FixedDistribution f) return Number(f.Value);
        var body = d switch
        {
            UniformDistribution u => Join(u.Min, u.Max),
            UniformIntDistribution ui => Join(ui.Min, ui.Max),
            TriangularDistribution t => Join(t.Min, t.Mode, t.Max),
            PertDistribution p => Join(p.Min, p.Mode, p.Max),
            NormalDistribution n => Join(n.Mean, n.Sd),
            LogNormalDistribution l => "mu " + Number(l.Mu) + " sigma " + Number(l.Sigma),
            BetaDistribution b => Join(b.Alpha, b.Beta),
            BernoulliDistribution b => Number(b.P),
            DiscreteDistribution dd => string.Join(" ", dd.Values.Select((v, i) => Number(v) + " w" + Number(dd.Weights[i]))),
            _ => "",
        };
        var text = "~ " + d.Kind + "(" + body + ")";
        if (d.Low is not null || d.High is not null)
            text += " in [" + (d.Low is { } lo ? Number(lo) : "") + ", " + (d.High is { } hi ? Number(hi) : "") + "]";
        return text;
    }

    public static string Number(double x) => x.ToString("G6", CultureInfo.InvariantCulture);

    private static string Join(params double[] xs) => string.Join(", ", xs.Select(Number));
}
