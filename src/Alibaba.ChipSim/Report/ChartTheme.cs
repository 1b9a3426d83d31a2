using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Alibaba.ChipSim.Report;

/// <summary>
/// The look shared by every chart: size, font, a colour-blind-safe palette (Okabe–Ito) and, because a
/// printed report may be grey, a hatch and a line pattern for every series so that nothing is told by colour alone.
/// </summary>
internal static class ChartTheme
{
    /// <summary>
    /// The natural size of every chart. The page draws charts as inline SVG scaled to the column (at most
    /// <see cref="MaxDisplayWidth"/>), so the smallest text (<see cref="MinFontSize"/>) stays at 11 px or more on a
    /// 768-px-wide screen (a 720-px column: 14 × 720 / 800 = 12.6 px) and on A4.
    /// </summary>
    public const int Width = 800;
    public const int Height = 470;
    public const int MaxDisplayWidth = 960;
    public const float MinFontSize = 14;
    private const string FontName = "DejaVu Sans";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Okabe–Ito: distinguishable with the common colour-vision deficiencies.</summary>
    public static readonly Color[] Palette =
    [
        Color.FromHex("#0072B2"), Color.FromHex("#E69F00"), Color.FromHex("#009E73"), Color.FromHex("#CC79A7"),
        Color.FromHex("#56B4E9"), Color.FromHex("#D55E00"), Color.FromHex("#F0E442"), Color.FromHex("#000000"),
    ];

    public static readonly Color Ink = Color.FromHex("#222222");
    public static readonly Color Muted = Color.FromHex("#666666");

    public static readonly LinePattern[] Patterns =
        [LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted, LinePattern.DenselyDashed];

    public static readonly MarkerShape[] Markers =
        [MarkerShape.FilledCircle, MarkerShape.OpenSquare, MarkerShape.FilledTriangleUp, MarkerShape.OpenDiamond,
         MarkerShape.Cross, MarkerShape.OpenCircle, MarkerShape.FilledSquare, MarkerShape.Eks];

    /// <summary>A distinct hatch per stacked area; null = solid fill.</summary>
    public static IHatch? HatchOf(int i) => (i % 5) switch
    {
        0 => null,
        1 => new ScottPlot.Hatches.Striped(),
        2 => new ScottPlot.Hatches.Dots(),
        3 => new ScottPlot.Hatches.Checker(),
        _ => new ScottPlot.Hatches.Grid(),
    };

    public static Color ColorOf(int i) => Palette[i % Palette.Length];

    public static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Title(title, size: 18);
        plot.XLabel(xLabel, size: 15);
        plot.YLabel(yLabel, size: 15);
        plot.Axes.Title.Label.Bold = true;
        plot.Axes.Color(Ink);
        plot.Grid.MajorLineColor = Color.FromHex("#DDDDDD");
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;
        foreach (var axis in new IAxis[] { plot.Axes.Left, plot.Axes.Bottom })
            axis.TickLabelStyle.FontSize = MinFontSize;
        plot.Axes.Left.TickGenerator = new NumericAutomatic { LabelFormatter = Number };
        plot.Axes.Bottom.TickGenerator = new NumericAutomatic { LabelFormatter = Number };
        return plot;
    }

    /// <summary>Places the legend below the data area, one row per few entries, in the chart's font.</summary>
    public static void LegendBelow(Plot plot)
    {
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.FontSize = MinFontSize;
        plot.Legend.FontName = FontName;
        plot.Legend.OutlineColor = Color.FromHex("#BBBBBB");
    }

    public static void LegendInside(Plot plot, Alignment alignment)
    {
        plot.ShowLegend(alignment);
        plot.Legend.FontSize = MinFontSize;
        plot.Legend.FontName = FontName;
        plot.Legend.BackgroundColor = Colors.White.WithAlpha(0.9);
        plot.Legend.OutlineColor = Color.FromHex("#BBBBBB");
    }

    public static void ManualTicks(IAxis axis, IReadOnlyList<double> positions, IReadOnlyList<string> labels)
    {
        var ticks = new NumericManual();
        for (var i = 0; i < positions.Count; i++) ticks.AddMajor(positions[i], labels[i]);
        axis.TickGenerator = ticks;
    }

    public static void PercentTicks(IAxis axis) =>
        axis.TickGenerator = new NumericAutomatic { LabelFormatter = v => v.ToString("0", Invariant) + "%" };

    /// <summary>Invariant-culture tick label with thousands separators and no needless decimals.</summary>
    public static string Number(double v)
    {
        var a = Math.Abs(v);
        if (a >= 1000) return v.ToString("#,0", Invariant);
        if (a >= 10 || a == 0) return v.ToString("0.##", Invariant);
        return v.ToString("0.###", Invariant);
    }

    public static ReportChart Render(Plot plot, string fileStem, string title, string caption, int height = Height) =>
        new(fileStem, title, caption, plot.GetImageBytes(Width, height, ImageFormat.Png), SvgIds.Normalize(plot.GetSvgXml(Width, height), fileStem));
}
