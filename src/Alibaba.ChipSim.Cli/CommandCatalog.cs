using System.CommandLine;
using Alibaba.ChipSim.Cli.Commands;

namespace Alibaba.ChipSim.Cli;

/// <summary>Every subcommand, in the order shown by --help.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return RunCommand.Build();
        yield return MergeCommand.Build();
        yield return ValidateCommand.Build();
        yield return SchemaCommand.Build();
        yield return GraphCommand.Build();
        yield return ReportCommand.Build();
        yield return SnapshotCommand.Build();
        yield return DiffCommand.Build();
        yield return ScoreCommand.Build();
        yield return BenchCommand.Build();
        yield return VersionCommand.Build();
    }
}
