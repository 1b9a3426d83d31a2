using System.Text.RegularExpressions;

namespace Alibaba.ChipSim.Cli;

/// <summary>Rewrites System.CommandLine's parse errors so that they name what was expected, not a .NET type.</summary>
internal static partial class ArgumentErrors
{
    public static string Readable(string message) =>
        ExpectedType().Replace(message, m => "as " + Describe(m.Groups["type"].Value));

    private static string Describe(string type) => type switch
    {
        _ when type.Contains("UInt64") || type.Contains("UInt32") => "a non-negative whole number",
        _ when type.Contains("Int64") || type.Contains("Int32") => "a whole number",
        _ when type.Contains("Double") => "a number",
        _ => "a value of the right kind",
    };

    [GeneratedRegex(@"as expected type '(?<type>[^']+)'")]
    private static partial Regex ExpectedType();
}
