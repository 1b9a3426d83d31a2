using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using Alibaba.ChipSim.Scenarios.Yaml;

namespace Alibaba.ChipSim.Scenarios.Validation;

/// <summary>
/// Reads YAML scalars as YAML 1.2 core-schema values in invariant culture. Quoted scalars are
/// strings, never numbers (as in the JSON an editor checks against the schema).
/// </summary>
internal static partial class ScalarReader
{
    public enum Status { Ok, NotANumber, OutOfRange, NotWhole }

    public static Status TryNumber(YNode node, out double value)
    {
        value = 0;
        if (node is not YScalar { IsPlain: true } s) return Status.NotANumber;
        if (s.Text is ".inf" or "+.inf" or "-.inf" or ".Inf" or "-.Inf" or ".INF" or "-.INF") return Status.OutOfRange;
        if (!NumberPattern().IsMatch(s.Text)) return Status.NotANumber;
        if (!double.TryParse(s.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out value)) return Status.NotANumber;
        // 1e-400 parses as 0 (underflow): report it rather than silently use 0.
        if (value == 0 && MantissaOf(s.Text).Any(c => c is >= '1' and <= '9')) return Status.OutOfRange;
        return double.IsFinite(value) ? Status.Ok : Status.OutOfRange;
    }

    public static Status TryInteger(YNode node, out BigInteger value)
    {
        value = 0;
        if (node is not YScalar { IsPlain: true } s) return Status.NotANumber;
        if (!IntegerPattern().IsMatch(s.Text))
        {
            var status = TryNumber(node, out var x);
            if (status != Status.Ok) return status;
            if (x != Math.Floor(x)) return Status.NotWhole;
            if (Math.Abs(x) > 9007199254740992) return Status.OutOfRange; // 2^53: beyond it a double is not exact
            value = new BigInteger(x);
            return Status.Ok;
        }
        if (s.Text.Length > 40) return Status.OutOfRange;
        value = BigInteger.Parse(s.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return Status.Ok;
    }

    public static bool TryBoolean(YNode node, out bool value)
    {
        value = false;
        if (node is not YScalar { IsPlain: true } s) return false;
        switch (s.Text)
        {
            case "true" or "True" or "TRUE": value = true; return true;
            case "false" or "False" or "FALSE": return true;
            default: return false;
        }
    }

    /// <summary>What a number that is out of range should be (too large, or so small it would be read as 0).</summary>
    public const string FiniteRange = "a finite number: at most 1.8e308 in size, and 0 or at least 4.9e-324 (a smaller one would be read as 0; write 0)";

    private static string MantissaOf(string text)
    {
        var e = text.IndexOfAny(['e', 'E']);
        return e < 0 ? text : text[..e];
    }

    public static string Format(double x) => x.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();
}
