using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Alibaba.ChipSim.Cli.Commands;

/// <summary>
/// Range checks for numeric options that read the raw tokens: a validator runs even when a token does not
/// convert, and reading the typed value then throws; a token that does not convert is reported by the parser.
/// </summary>
internal static class OptionChecks
{
    public static void Range(Option option, long min, long max)
    {
        option.Validators.Add(r =>
        {
            foreach (var token in r.Tokens)
                if (long.TryParse(token.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && (n < min || n > max))
                    r.AddError($"{option.Name} must be between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)} (got {token.Value})");
        });
    }

    /// <summary>Rejects an empty value (<c>--out ""</c>), which would otherwise reach the file system as a path.</summary>
    public static void NotEmpty(Option option)
    {
        option.Validators.Add(r =>
        {
            foreach (var token in r.Tokens)
                if (token.Value.Trim().Length == 0)
                    r.AddError($"{option.Name} needs a folder name (got an empty value)");
        });
    }

    /// <summary>Rejects scenario paths that look like options (an unknown option would otherwise be taken for a file).</summary>
    public static void NoOptions(Argument argument)
    {
        argument.Validators.Add(r =>
        {
            foreach (var token in r.Tokens)
                if (token.Value.StartsWith('-'))
                {
                    var hint = r.Parent is System.CommandLine.Parsing.CommandResult c ? ParseErrorText.Hint(token.Value, ParseErrorText.OptionNames(c.Command)) : "";
                    r.AddError($"Unrecognized option '{token.Value}'." + (hint.Length > 0 ? hint : " See --help."));
                }
        });
    }
}
