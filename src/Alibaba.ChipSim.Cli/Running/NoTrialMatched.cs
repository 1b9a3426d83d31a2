using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Cli.Running;

/// <summary>
/// The one answer of every command that simulates (<c>run</c>, <c>report</c>, <c>snapshot</c>, <c>bench</c>) to a run
/// conditioned on history that no trial matched (<see cref="NoTrialMatchedException"/>): a runtime failure, exit 1, with
/// the observation named; the command has written nothing.
/// </summary>
internal static class NoTrialMatched
{
    public static int Report(string command, NoTrialMatchedException e, TextWriter error)
    {
        error.WriteLine(MessageText.Escape($"{command}: {e.Message}; nothing was written"));
        return ExitCode.Failure;
    }
}
