using Alibaba.ChipSim.Cli;

// Thin entry point: each command lives in its own file under Commands/ and returns an exit code
// (0 success, 1 runtime failure, 2 invalid input, 3 differences found, 130 interrupted).
return await CliApp.RunAsync(args, Console.Out, Console.Error);
