using System.CommandLine;
using Alibaba.ChipSim.Cli.Commands;

namespace Alibaba.ChipSim.Cli;

/// <summary>Every subcommand, in the order shown by --help.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return VersionCommand.Build();
        yield return DiffCommand.Build();
        yield return ValidateCommand.Build();
        yield return SchemaCommand.Build();
    }
}
