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
    /// Standard output that cannot be written (<see cref="StandardOutputException"/>) is exit 1 with one line, whatever the command.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var root = Build();
        var parsed = root.Parse(args);
        // --help and --version answer even when the rest of the line is incomplete (diff --help without A and B).
        if (parsed.Errors.Count == 0 || parsed.Action is HelpText or VersionText)
        {
            try
            {
                return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false })
                    .ConfigureAwait(false);
            }
            catch (StandardOutputException e)
            {
                // A full disk behind stdout (`> /dev/full`), whichever command was writing.
                return Failed(error, StandardOutput.Message(e));
            }
            catch (OperationCanceledException)
            {
                return ExitCode.Failure; // as System.CommandLine's default handler: the command was cancelled, nothing to add
            }
            catch (Exception e)
            {
                // A bug: as System.CommandLine's default handler reports it, so that it can be reported in turn.
                return Failed(error, "Unhandled exception: " + e);
            }
        }
        foreach (var line in ParseErrorText.Lines(parsed)) error.WriteLine("chipsim: " + line);
        var name = parsed.CommandResult.Command == root ? "" : parsed.CommandResult.Command.Name + " ";
        error.WriteLine($"Run 'chipsim {name}--help' for usage.");
        return ExitCode.InvalidInput;
    }

    /// <summary>Prints <paramref name="message"/> (if standard error takes it) and returns <see cref="ExitCode.Failure"/>.</summary>
    private static int Failed(TextWriter error, string message)
    {
        try
        {
            error.WriteLine(message);
        }
        catch (IOException)
        {
            // Standard error is full or closed too: the exit code is all that is left.
        }
        return ExitCode.Failure;
    }
}
