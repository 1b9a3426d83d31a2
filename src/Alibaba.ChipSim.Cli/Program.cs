using Alibaba.ChipSim.Cli;

// Thin entry point: each command lives in its own file under Commands/ and returns an exit code
// (0 success, 1 runtime failure, 2 invalid input, 3 differences found, 130 interrupted).
// Standard output is guarded first, so that every writer of it (the commands, Spectre's console) goes through the guard.
Console.SetOut(StandardOutput.Guard(Console.Out));
// A command that reads YAML has the parser's first-use costs paid on a spare core meanwhile (Rendering/WarmUp.cs).
Alibaba.ChipSim.Cli.Rendering.WarmUp.StartYamlReader(args);
return await CliApp.RunAsync(args, Console.Out, Console.Error);
