using System.Collections.Immutable;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Text;

namespace Alibaba.ChipSim.Cli;

/// <summary>
/// <c>--help</c>: System.CommandLine's help, with the top-level command list showing each command's arguments as
/// written on the command line (<c>[&lt;scenario&gt;...]</c> when they may be left out), then examples and exit codes.
/// </summary>
internal sealed class HelpText(HelpAction standard) : SynchronousCommandLineAction
{
    public const string ExitCodes =
        "Exit codes:\n  0    success\n  1    runtime failure (e.g. the output folder cannot be written)\n  2    invalid input (scenario, arguments, files)\n" +
        "  3    diff / snapshot --check found differences beyond tolerance\n  130  interrupted (Ctrl-C); nothing is written\n";

    private static readonly ImmutableDictionary<string, string[]> Examples = new Dictionary<string, string[]>
    {
        [""] =
        [
            "chipsim run                                   the embedded base scenario, 100,000 trials",
            "chipsim run scenarios/base.yaml scenarios/fee-raised.yaml --out runs --format csv --format xlsx",
            "chipsim run scenarios/base.yaml --target 'roi<0.1' --target 'incremental_revenue_cny_bn<5'",
            "chipsim validate scenarios/*.yaml",
            "chipsim diff runs/base runs/fee-raised",
        ],
        ["run"] =
        [
            "chipsim run scenarios/base.yaml --trials 20000 --seed 7",
            "chipsim run scenarios/base.yaml --out runs/base --format csv --format parquet --format xlsx",
            "chipsim run scenarios/base.yaml --target 'roi<0.1' --target 'incremental_revenue_cny_bn>5'",
            "chipsim run scenarios/base.yaml scenarios/fee-raised.yaml --out runs --sensitivity",
            "chipsim run scenarios/base.yaml --until-se incremental_revenue_cny_bn=0.05 --json",
        ],
        ["validate"] = ["chipsim validate scenarios/*.yaml", "chipsim validate my-variant.yaml --strict"],
        ["schema"] = ["chipsim schema > scenarios/scenario.schema.json"],
        ["graph"] = ["chipsim graph scenarios/base.yaml", "chipsim graph scenarios/base.yaml --format dot | dot -Tsvg > actors.svg"],
        ["report"] = ["chipsim report scenarios/base.yaml scenarios/fee-raised.yaml --out report --trials 20000"],
        ["snapshot"] = ["chipsim snapshot", "chipsim snapshot --check"],
        ["diff"] = ["chipsim diff runs/base runs/fee-raised", "chipsim diff scenarios/base.snapshot.json new/base.snapshot.json --json"],
        ["bench"] = ["chipsim bench scenarios/base.yaml"],
        ["version"] = ["chipsim version"],
    }.ToImmutableDictionary();

    /// <summary>Replaces the help action of the root's help option (which every subcommand shares).</summary>
    public static void Install(RootCommand root)
    {
        foreach (var option in root.Options)
            if (option is HelpOption { Action: HelpAction standard } help) help.Action = new HelpText(standard);
    }

    public override int Invoke(ParseResult parseResult)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var buffer = new StringWriter();
        parseResult.InvocationConfiguration.Output = buffer;
        try
        {
            standard.Invoke(parseResult);
        }
        finally
        {
            parseResult.InvocationConfiguration.Output = output;
        }
        var command = parseResult.CommandResult.Command;
        var text = buffer.ToString().ReplaceLineEndings("\n").TrimEnd('\n') + "\n";
        if (command is RootCommand root) text = WithCommandList(text, root);
        output.Write(text + "\n" + Sections(command is RootCommand ? "" : command.Name));
        return 0;
    }

    /// <summary>The examples of a command (<c>""</c> for the top level) and the exit codes.</summary>
    public static string Sections(string command)
    {
        var sb = new StringBuilder();
        if (Examples.TryGetValue(command, out var examples))
        {
            sb.Append("Examples:\n");
            foreach (var e in examples) sb.Append("  ").Append(e).Append('\n');
            sb.Append('\n');
        }
        sb.Append(ExitCodes);
        return sb.ToString();
    }

    /// <summary>The "Commands:" section rewritten: arguments shown as optional when they are.</summary>
    private static string WithCommandList(string text, RootCommand root)
    {
        var at = text.IndexOf("Commands:\n", StringComparison.Ordinal);
        if (at < 0) return text;
        var rows = root.Subcommands.Where(c => !c.Hidden).Select(c => (Usage: c.Name + Arguments(c), c.Description ?? "")).ToList();
        var width = rows.Max(r => r.Usage.Length) + 2;
        var sb = new StringBuilder(text[..at]).Append("Commands:\n");
        foreach (var (usage, description) in rows) sb.Append("  ").Append(usage.PadRight(width)).Append(description).Append('\n');
        return sb.ToString();
    }

    private static string Arguments(Command command)
    {
        var sb = new StringBuilder();
        foreach (var a in command.Arguments.Where(a => !a.Hidden))
        {
            var many = a.Arity.MaximumNumberOfValues > 1 ? "..." : "";
            sb.Append(' ').Append(a.Arity.MinimumNumberOfValues == 0 ? $"[<{a.Name}>{many}]" : $"<{a.Name}>{many}");
        }
        return sb.ToString();
    }
}
