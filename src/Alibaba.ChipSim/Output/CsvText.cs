using System.Globalization;

namespace Alibaba.ChipSim.Output;

/// <summary>RFC 4180 fields and invariant-culture numbers for the CSV writers.</summary>
internal static class CsvText
{
    /// <summary>Room for any double in shortest round-trip form (e.g. <c>-2.2250738585072014E-308</c>).</summary>
    public const int MaxNumberLength = 32;

    /// <summary>The field as written: quoted (quotes doubled) when it holds a comma, quote or line break.</summary>
    public static string Escape(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>
    /// Formats <paramref name="value"/> at <paramref name="destination"/>: nothing for NaN (missing), an integer without
    /// decimals when <paramref name="whole"/> and it is one, else the shortest string that reparses to the same double.
    /// </summary>
    public static int Format(double value, bool whole, Span<char> destination)
    {
        if (double.IsNaN(value)) return 0;
        int written;
        if (whole && Math.Abs(value) < 9.2e18 && value == Math.Floor(value))
        {
            ((long)value).TryFormat(destination, out written, default, CultureInfo.InvariantCulture);
        }
        else
        {
            value.TryFormat(destination, out written, "R", CultureInfo.InvariantCulture);
        }
        return written;
    }

    /// <summary>A nullable statistic: empty when null.</summary>
    public static string Format(double? value)
    {
        if (value is not { } v) return "";
        Span<char> buffer = stackalloc char[MaxNumberLength];
        return new string(buffer[..Format(v, false, buffer)]);
    }
}
