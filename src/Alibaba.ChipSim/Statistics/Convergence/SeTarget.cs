using System.Globalization;

namespace Alibaba.ChipSim.Statistics.Convergence;

/// <summary>A stopping rule of <c>--until-se METRIC=VALUE</c>: run until the standard error of the metric's mean is at most <see cref="MaxSe"/>.</summary>
public sealed record SeTarget(string Metric, double MaxSe)
{
    /// <summary>Parses <c>METRIC=VALUE</c> (invariant culture); null with an error message when malformed.</summary>
    public static SeTarget? TryParse(string text, out string? error)
    {
        error = null;
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0 || eq == text.Length - 1)
        {
            error = $"--until-se expects METRIC=VALUE, e.g. cloud_revenue_cny_bn=0.05 (got '{text}')";
            return null;
        }
        var metric = text[..eq].Trim();
        var value = text[(eq + 1)..].Trim();
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var se) || !(se > 0) || double.IsInfinity(se))
        {
            error = $"--until-se: the standard error must be a number > 0 (got '{value}')";
            return null;
        }
        return new SeTarget(metric, se);
    }
}
