using System.CommandLine;

namespace Alibaba.ChipSim.Cli.Commands;

internal static class VersionCommand
{
    public static Command Build()
    {
        var command = new Command("version", "Print the engine version (the same as --version).");
        command.SetAction(_ =>
        {
            Console.Out.WriteLine(Alibaba.ChipSim.EngineInfo.Name);
            return ExitCode.Ok;
        });
        return command;
    }
}
