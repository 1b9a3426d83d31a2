using System.CommandLine;

namespace Alibaba.ChipSim.Cli;

/// <summary>
/// The command line as a value: the root command with every subcommand, the help with examples and exit codes, and
/// parse errors in the user's words (exit 2). <c>Program</c> calls it with the console; tests call it with writers.
/// </summary>
internal static class CliApp
{
    public const string Description = "chipsim — Monte Carlo scenarios for Nvidia H200 exports to China and Alibaba's cloud revenue";

    public static RootCommand Build()
    {
        var root = new RootCommand(Description);
        foreach (var command in CommandCatalog.All()) root.Subcommands.Add(command);
        HelpText.Install(root);
        VersionText.Install(root);
        return root;
    }

    /// <summary>
    /// Parses <paramref name="args"/>; invalid arguments (unknown option, bad value, failed validator) are invalid input:
    /// exit 2 with the errors and a pointer to the command's help on <paramref name="error"/>. Otherwise runs the command
    /// (help, version and parse output go to <paramref name="output"/>; commands print to the console themselves).
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var root = Build();
        var parsed = root.Parse(args);
        // --help and --version answer even when the rest of the line is incomplete (diff --help without A and B).
        if (parsed.Errors.Count == 0 || parsed.Action is HelpText or VersionText)
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }).ConfigureAwait(false);
        foreach (var line in ParseErrorText.Lines(parsed)) error.WriteLine("chipsim: " + line);
        var name = parsed.CommandResult.Command == root ? "" : parsed.CommandResult.Command.Name + " ";
        error.WriteLine($"Run 'chipsim {name}--help' for usage.");
        return ExitCode.InvalidInput;
    }
}
