using Alibaba.ChipSim.Cli;

// Thin entry point: each command lives in its own file under Commands/ and returns an exit code
// (0 success, 1 runtime failure, 2 invalid input, 3 differences found, 130 interrupted).
// Standard output is guarded first, so that every writer of it (the commands, Spectre's console) goes through the guard.
Console.SetOut(StandardOutput.Guard(Console.Out));
return await CliApp.RunAsync(args, Console.Out, Console.Error);
