using System.CommandLine;
using Alibaba.ChipSim.Policy;
using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Cli.Commands;

/// <summary><c>chipsim graph [SCENARIO.yaml] [--format mermaid|dot]</c>: the actors' state diagrams on stdout.</summary>
internal static class GraphCommand
{
    public static readonly string[] Formats = ["mermaid", "dot"];

    public static Command Build()
    {
        var file = new Argument<string?>("scenario")
        {
            Description = "Scenario YAML file (default: the embedded base scenario).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var format = new Option<string>("--format")
        {
            Description = "mermaid (a stateDiagram-v2, the default) or dot (Graphviz).",
            DefaultValueFactory = _ => "mermaid",
        };
        var command = new Command("graph",
            "Print the actors' state diagrams (from Stateless), annotated with monthly probabilities, dates, guards and gates.");
        command.Arguments.Add(file);
        command.Options.Add(format);
        command.SetAction(parse => Run(
            parse.GetValue(file),
            parse.GetValue(format),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>The diagram goes to <paramref name="output"/>; problems go to <paramref name="error"/>, with exit code 2 and no diagram.</summary>
    public static int Run(string? path, string? format, TextWriter output, TextWriter error)
    {
        format ??= "mermaid";
        if (!Formats.Contains(format, StringComparer.Ordinal))
        {
            error.WriteLine($"graph: --format must be mermaid or dot (got '{format}')");
            return ExitCode.InvalidInput;
        }
        var scenario = ScenarioInput.Load(path, error);
        if (scenario is null) return ExitCode.InvalidInput;
        output.Write(Render(scenario, format));
        return ExitCode.Ok;
    }

    public static string Render(Scenario scenario, string format) =>
        format == "dot" ? PolicyGraph.Dot(scenario) : PolicyGraph.Mermaid(scenario);
}
