using System.CommandLine;
using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Cli.Commands;

/// <summary><c>chipsim schema</c>: the JSON Schema of scenario files, on stdout.</summary>
internal static class SchemaCommand
{
    public static Command Build()
    {
        var command = new Command("schema", "Print the JSON Schema of scenario files (as shipped in scenarios/scenario.schema.json).");
        command.SetAction(parse => Run(parse.InvocationConfiguration.Output));
        return command;
    }

    public static int Run(TextWriter output)
    {
        output.Write(ScenarioSchema.Generate());
        output.Write('\n');
        return ExitCode.Ok;
    }
}
