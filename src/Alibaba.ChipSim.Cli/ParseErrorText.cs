using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;
using Alibaba.ChipSim.Scenarios.Validation;

namespace Alibaba.ChipSim.Cli;

/// <summary>
/// The parse errors as the user should read them: each once, in the user's words (<see cref="ArgumentErrors"/>), an
/// unknown command or option with the closest known one ("Did you mean 'run'?"), and no "Required command was not
/// provided" when the real problem is a misspelt command.
/// </summary>
internal static partial class ParseErrorText
{
    public static IReadOnlyList<string> Lines(ParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var command = parsed.CommandResult.Command;
        var atRoot = command is RootCommand;
        var messages = parsed.Errors.Select(e => e.Message).Distinct().ToList();
        var lines = new List<string>();
        var unrecognized = false;
        foreach (var message in messages)
        {
            var m = Unrecognized().Match(message);
            if (!m.Success) continue;
            unrecognized = true;
            var token = m.Groups["token"].Value;
            if (token.StartsWith('-'))
                lines.Add($"Unrecognized option '{token}'." + Hint(token, OptionNames(command)));
            else if (atRoot)
                lines.Add($"Unrecognized command '{token}'." + Hint(token, command.Subcommands.Select(c => c.Name)));
            else
                lines.Add($"Unexpected argument '{token}'.");
        }
        foreach (var message in messages)
        {
            if (Unrecognized().IsMatch(message)) continue;
            if (unrecognized && message.StartsWith("Required command was not provided", StringComparison.Ordinal)) continue;
            lines.Add(ArgumentErrors.Readable(message));
        }
        return lines;
    }

    /// <summary>The option names and aliases of <paramref name="command"/>, help included.</summary>
    public static IEnumerable<string> OptionNames(Command command) =>
        command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).Append("--help").Distinct();

    /// <summary>" Did you mean 'x'?" for the closest candidate, or "".</summary>
    public static string Hint(string word, IEnumerable<string> candidates) =>
        Suggestions.Closest(word, candidates) is { } c ? $" Did you mean '{c}'?" : "";

    [GeneratedRegex("^Unrecognized command or argument '(?<token>.*)'\\.?$")]
    private static partial Regex Unrecognized();
}
