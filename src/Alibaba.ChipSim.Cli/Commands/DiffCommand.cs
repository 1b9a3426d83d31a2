using System.CommandLine;
using Alibaba.ChipSim.Cli.Rendering;
using Alibaba.ChipSim.Output;
using Alibaba.ChipSim.Statistics.Comparison;
using Spectre.Console;

namespace Alibaba.ChipSim.Cli.Commands;

/// <summary>
/// <c>chipsim diff A B</c>: which metrics moved beyond Monte Carlo error between two summaries, snapshots or run folders;
/// the paired test over the per-trial files when both are run folders from the same seed and trial count.
/// </summary>
internal static class DiffCommand
{
    public static Command Build(IAnsiConsole? console = null, TextWriter? error = null)
    {
        var a = new Argument<string>("A") { Description = "The old side: summary.json, SCENARIO.snapshot.json, or a run folder holding summary.json." };
        var b = new Argument<string>("B") { Description = "The new side, in any of the same forms." };
        var threshold = new Option<double>("--threshold")
        {
            Description = "A change is significant when |z| (or, for state shares, total variation over its noise) exceeds this.",
            DefaultValueFactory = _ => RunComparer.DefaultZThreshold,
        };
        var json = new Option<bool>("--json") { Description = "Print the comparison as JSON instead of a table." };
        var unpaired = new Option<bool>("--unpaired")
        {
            Description = "Use the two-sample test from the summaries even when both sides are run folders with per-trial files from the same seed and trial count (then the paired test is the default).",
        };
        var command = new Command("diff", "Compare two summaries, snapshots or run folders (trial by trial when both are run folders from one seed and trial count); exit 3 when any metric moved beyond Monte Carlo error.")
        {
            a, b, threshold, json, unpaired,
        };
        command.SetAction(parse =>
        {
            var output = console ?? StandardOutput();
            var errors = error ?? parse.InvocationConfiguration.Error;
            var z = parse.GetValue(threshold);
            if (!double.IsFinite(z) || z < 0)
            {
                errors.WriteLine($"error: --threshold must be a number ≥ 0 (got {z.ToString(System.Globalization.CultureInfo.InvariantCulture)})");
                return ExitCode.InvalidInput;
            }
            RunComparison comparison;
            try
            {
                comparison = PairedComparer.Compare(DiffInputs.Load(parse.GetValue(a)!, parse.GetValue(b)!, parse.GetValue(unpaired)), z);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                errors.WriteLine("error: " + e.Message);
                return ExitCode.InvalidInput;
            }
            if (parse.GetValue(json)) output.Profile.Out.Writer.Write(DiffJsonWriter.Write(comparison));
            else DiffTable.Render(output, comparison);
            return comparison.AnySignificant ? ExitCode.Differences : ExitCode.Ok;
        });
        return command;
    }

    /// <summary>The terminal, or, when stdout is redirected (a file, a CI log), a console wide enough for the table.</summary>
    private static IAnsiConsole StandardOutput()
    {
        var console = AnsiConsole.Console;
        if (Console.IsOutputRedirected) console.Profile.Width = 160;
        return console;
    }
}
