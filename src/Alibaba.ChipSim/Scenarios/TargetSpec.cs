namespace Alibaba.ChipSim.Scenarios;

/// <summary>
/// A target probability to report: P(<see cref="Metric"/> &lt; <see cref="Threshold"/>) when <see cref="Below"/>,
/// else P(<see cref="Metric"/> &gt; <see cref="Threshold"/>), over the trials where the metric is defined.
/// From the scenario's <c>targets:</c> or the command line's <c>--target 'roi&lt;0.1'</c>.
/// </summary>
public sealed record TargetSpec(string Metric, bool Below, double Threshold, string? Description, SourceLocation Location)
{
    /// <summary><c>&lt;</c> or <c>&gt;</c>.</summary>
    public string Operator => Below ? "<" : ">";

    /// <summary>The target as written on the command line, e.g. <c>roi&lt;0.1</c>.</summary>
    public string Text => Metric + Operator + Threshold.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Parses <c>METRIC&lt;X</c> or <c>METRIC&gt;X</c> (spaces allowed around the operator, X an invariant-culture number);
    /// null with <paramref name="error"/> set when the text is not of that form.
    /// </summary>
    public static TargetSpec? TryParse(string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var at = text.IndexOfAny(['<', '>']);
        error = null;
        if (at > 0 && text.IndexOfAny(['<', '>'], at + 1) < 0)
        {
            var metric = text[..at].Trim();
            var number = text[(at + 1)..].Trim();
            if (System.Text.RegularExpressions.Regex.IsMatch(metric, "^[a-z][A-Za-z0-9_]*$")
                && double.TryParse(number, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var x)
                && double.IsFinite(x))
            {
                return new TargetSpec(metric, text[at] == '<', x, null, SourceLocation.None("--target"));
            }
        }
        error = $"--target '{text}': expected METRIC<NUMBER or METRIC>NUMBER, e.g. 'roi<0.1' or 'incremental_revenue_cny_bn>5' (quote it in the shell)";
        return null;
    }
}
