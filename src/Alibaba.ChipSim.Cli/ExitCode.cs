namespace Alibaba.ChipSim.Cli;

/// <summary>The exit codes of every command; the only place their numbers are written.</summary>
internal static class ExitCode
{
    public const int Ok = 0;

    /// <summary>A runtime failure: an output folder that cannot be written, not enough memory.</summary>
    public const int Failure = 1;

    /// <summary>A bad scenario, argument or file; nothing is written.</summary>
    public const int InvalidInput = 2;

    /// <summary><c>diff</c> or <c>snapshot --check</c> found differences.</summary>
    public const int Differences = 3;

    /// <summary>Ctrl-C (128 + SIGINT): the run stopped cleanly and wrote nothing.</summary>
    public const int Interrupted = 130;
}
