using System.CommandLine;
using Alibaba.ChipSim.Cli;

// Thin entry point: each command lives in its own file under Commands/ and returns an exit code
// (0 success, 1 runtime failure, 2 invalid input, 3 differences found, 130 interrupted).
var root = new RootCommand("chipsim — Monte Carlo scenarios for Nvidia H200 exports to China and Alibaba's cloud revenue");
foreach (var command in CommandCatalog.All()) root.Subcommands.Add(command);
var parsed = root.Parse(args);
if (parsed.Errors.Count == 0) return await parsed.InvokeAsync();

// Invalid arguments (unknown option, bad value, failed validator) are invalid input: exit 2, with the
// errors in the user's words rather than .NET type names, and a pointer to the command's help.
foreach (var error in parsed.Errors) Console.Error.WriteLine("chipsim: " + ArgumentErrors.Readable(error.Message));
var name = parsed.CommandResult.Command == root ? "" : parsed.CommandResult.Command.Name + " ";
Console.Error.WriteLine($"Run 'chipsim {name}--help' for usage.");
return ExitCode.InvalidInput;
