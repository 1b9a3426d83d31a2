using System.Globalization;
using Alibaba.ChipSim.Statistics.Sensitivity;
using ScottPlot;

namespace Alibaba.ChipSim.Report;

/// <summary>
/// A tornado chart: the inputs that move one output most, one horizontal bar each, longest on top, the bar
/// being Spearman's ρ (right = the output rises with the input, left = it falls). Each bar is labelled with
/// ρ and the input's variance share (in brackets), so that nothing is told by colour or length alone.
/// </summary>
internal static class TornadoChart
{
    /// <summary>Bars shown at most; the rest are in summary.json.</summary>
    public const int MaxBars = 10;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static ReportChart Render(string stem, OutputSensitivity output)
    {
        var shown = output.Inputs.Where(i => !double.IsNaN(i.Spearman)).Take(MaxBars).ToList();
        var title = "What moves " + output.Output;
        var plot = ChartTheme.NewPlot(title, "Spearman rank correlation with " + output.Output, "");
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
                Label = e.Spearman.ToString("+0.00;-0.00;0.00", Invariant) + share,
            });
            positions.Add(position);
            labels.Add(e.Input);
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
        plot.Axes.SetLimits(-1.5, 1.5, -0.7, Math.Max(shown.Count, 1) - 0.3);
        var caption = string.Create(Invariant,
            $"Spearman rank correlation of {output.Output} with each uncertain input over {output.Count:#,0} trials (inputs drawn once per trial, and each actor's months to approval, 'never' counted as the horizon). Each bar is labelled with ρ and, in brackets, the input's share of the variance explained by a linear regression on ranks (SRRC², R² {(double.IsNaN(output.RankRegressionR2) ? "n/a" : output.RankRegressionR2.ToString("0.00", Invariant))}). Top {shown.Count} of {output.Inputs.Length} inputs.");
        return ChartTheme.Render(plot, stem, title, caption);
    }
}
