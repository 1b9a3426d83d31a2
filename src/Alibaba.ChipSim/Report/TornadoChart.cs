using System.Globalization;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Statistics.Sensitivity;
using ScottPlot;

namespace Alibaba.ChipSim.Report;

/// <summary>
/// A tornado chart: the inputs that move one output most, one horizontal bar each, longest on top, the bar
/// being Spearman's ρ on an axis from −1 to 1 (right = the output rises with the input, left = it falls). Each
/// input is named in words and followed by ρ and its variance share (in brackets), so nothing is told by colour or length alone.
/// </summary>
internal static class TornadoChart
{
    /// <summary>Bars shown at most; the rest are in summary.json.</summary>
    public const int MaxBars = 10;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <param name="weighted">The ranks are weighted (a run conditioned on history): the caption opens with <see cref="ChartWeights.Caption"/>.</param>
    public static ReportChart Render(string stem, OutputSensitivity output, Scenario scenario, bool weighted)
    {
        var shown = output.Inputs.Where(i => !double.IsNaN(i.Spearman)).Take(MaxBars).ToList();
        var display = MetricDisplay.Of(output.Output);
        var what = display?.ShortLabel ?? ParameterLabels.Readable(output.Output);
        var title = "What moves " + what;
        var plot = ChartTheme.NewPlot(title, "Spearman's rank correlation ρ", "");
        var bars = new List<Bar>();
        var positions = new List<double>();
        var labels = new List<string>();
        for (var i = 0; i < shown.Count; i++)
        {
            var e = shown[i];
            var position = shown.Count - 1 - i; // largest at the top
            var share = double.IsNaN(e.VarianceShare) ? "" : $" ({(100 * e.VarianceShare).ToString("0", Invariant)}%)";
            bars.Add(new Bar
            {
                Position = position,
                Value = e.Spearman,
                Size = 0.7,
                FillColor = (e.Spearman >= 0 ? ChartTheme.Palette[0] : ChartTheme.Palette[1]).WithAlpha(0.8),
                LineColor = ChartTheme.Ink,
                LineWidth = 0.6f,
            });
            positions.Add(position);
            labels.Add(ParameterLabels.Of(e.Input, scenario));
            // ρ and the share on the far side of zero from the bar: always inside the −1…1 axis, never over the bar.
            var value = plot.Add.Text(e.Spearman.ToString("+0.00;−0.00;0.00", Invariant) + share, e.Spearman >= 0 ? -0.03 : 0.03, position);
            value.LabelFontSize = ChartTheme.MinFontSize;
            value.LabelFontColor = ChartTheme.Ink;
            value.LabelAlignment = e.Spearman >= 0 ? Alignment.MiddleRight : Alignment.MiddleLeft;
        }
        if (bars.Count > 0)
        {
            var barPlot = plot.Add.Bars(bars);
            barPlot.Horizontal = true;
        }
        var zero = plot.Add.VerticalLine(0);
        zero.Color = ChartTheme.Ink;
        zero.LineWidth = 1.5f;
        ChartTheme.ManualTicks(plot.Axes.Left, positions, labels);
        ChartTheme.ManualTicks(plot.Axes.Bottom, [-1, -0.5, 0, 0.5, 1], ["−1", "−0.5", "0", "+0.5", "+1"]);
        plot.Axes.SetLimits(-1, 1, -0.7, Math.Max(shown.Count, 1) - 0.3);
        var r2 = double.IsNaN(output.RankRegressionR2) ? "n/a" : output.RankRegressionR2.ToString("0.00", Invariant);
        var caption = weighted
            ? string.Create(Invariant,
                $"{ChartWeights.Caption} Weighted Spearman rank correlation (weighted mid-ranks) of {what} with each uncertain input over the {output.Count:#,0} trials that carry weight (inputs drawn once per trial, and each actor's months until its gate opens, 'never' counted as the horizon). Beside each bar, across the zero line: ρ and, in brackets, the input's share of the variance explained by a weighted linear regression on ranks (SRRC², R² {r2}). Top {shown.Count} of {output.Inputs.Length} inputs; the assumptions table gives each input's path and distribution.")
            : string.Create(Invariant,
                $"Spearman rank correlation of {what} with each uncertain input over {output.Count:#,0} trials (inputs drawn once per trial, and each actor's months until its gate opens, 'never' counted as the horizon). Beside each bar, across the zero line: ρ and, in brackets, the input's share of the variance explained by a linear regression on ranks (SRRC², R² {r2}). Top {shown.Count} of {output.Inputs.Length} inputs; the assumptions table gives each input's path and distribution.");
        return ChartTheme.Render(plot, stem, title, caption, 120 + 38 * Math.Max(shown.Count, 3));
    }
}
