using System.CommandLine;
using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Cli.Commands;

/// <summary><c>chipsim validate FILE... [--strict]</c>: every problem of every file, then exit 0 or 2.</summary>
internal static class ValidateCommand
{
    public static Command Build()
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Scenario YAML files to check.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        OptionChecks.NoOptions(files);
        var strict = new Option<bool>("--strict") { Description = "Treat warnings (unreachable states, dates outside the horizon) as errors." };
        var allowOutside = ScenarioInput.AllowExtendsOutsideOption();
        var command = new Command("validate", "Check scenario files and print every problem (file:line:column: key: message).");
        command.Arguments.Add(files);
        command.Options.Add(strict);
        command.Options.Add(allowOutside);
        command.SetAction(parse => Run(
            parse.GetValue(files) ?? [],
            parse.GetValue(strict),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            parse.GetValue(allowOutside)));
        return command;
    }

    /// <summary>Diagnostics go to <paramref name="error"/>, "FILE: ok" lines to <paramref name="output"/>.</summary>
    public static int Run(IReadOnlyList<string> files, bool strict, TextWriter output, TextWriter error, bool allowExtendsOutside = false)
    {
        if (files.Count == 0)
        {
            error.WriteLine("validate: give at least one scenario file, e.g. chipsim validate scenarios/base.yaml");
            return ExitCode.InvalidInput;
        }
        var allValid = true;
        foreach (var file in files)
        {
            var result = ScenarioLoader.Load(file, strict, allowExtendsOutside);
            ScenarioInput.Print(result, error, file);
            if (result.Succeeded) output.WriteLine(MessageText.Escape($"{file}: ok"));
            else allValid = false;
        }
        return allValid ? ExitCode.Ok : ExitCode.InvalidInput;
    }
}
