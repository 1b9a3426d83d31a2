using System.CommandLine;
using Alibaba.ChipSim.Cli;

// Thin entry point: each command lives in its own file under Commands/ and returns an exit code
// (0 success, 1 runtime failure, 2 invalid input, 3 differences found).
var root = new RootCommand("chipsim — Monte Carlo scenarios for Nvidia H200 exports to China and Alibaba's cloud revenue");
foreach (var command in CommandCatalog.All()) root.Subcommands.Add(command);
var parsed = root.Parse(args);
var exit = await parsed.InvokeAsync();
// Invalid arguments (unknown option, bad value, failed validator): System.CommandLine prints the errors
// and returns 1; the product's code for invalid input is 2.
return parsed.Errors.Count > 0 ? 2 : exit;
