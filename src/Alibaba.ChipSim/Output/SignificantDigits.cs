using System.Globalization;

namespace Alibaba.ChipSim.Output;

/// <summary>Numbers as snapshots write them: 4 significant digits, invariant culture, valid JSON.</summary>
internal static class SignificantDigits
{
    public const int Digits = 4;

    /// <summary>
    /// Rounds to 4 significant digits and writes plainly when 1e-4 ≤ |x| &lt; 1e6 (<c>12350</c>, <c>0.767</c>),
    /// otherwise in exponent form (<c>3.21e+09</c>), so that a figure keeps its width as it moves.
    /// </summary>
    public static string Format(double x)
    {
        if (!double.IsFinite(x)) throw new ArgumentOutOfRangeException(nameof(x), x, "Snapshots hold finite numbers only.");
        var rounded = Round(x);
        if (rounded == 0) return "0";
        var exponent = (int)Math.Floor(Math.Log10(Math.Abs(rounded)));
        if (exponent is >= -4 and < 6)
        {
            var text = rounded.ToString("F" + Math.Max(0, Digits - 1 - exponent), CultureInfo.InvariantCulture);
            return text.Contains('.') ? text.TrimEnd('0').TrimEnd('.') : text;
        }
        var mantissa = rounded / Math.Pow(10, exponent);
        if (Math.Abs(Math.Round(mantissa, Digits - 1)) >= 10) { mantissa /= 10; exponent++; }
        var m = mantissa.ToString("F" + (Digits - 1), CultureInfo.InvariantCulture).TrimEnd('0').TrimEnd('.');
        return m + "e" + (exponent < 0 ? "-" : "+") + Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture);
    }

    /// <summary>The value rounded to 4 significant digits (what a snapshot reader will see).</summary>
    public static double Round(double x) =>
        x == 0 ? 0 : double.Parse(x.ToString("G" + Digits, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
