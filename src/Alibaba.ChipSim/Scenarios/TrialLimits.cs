namespace Alibaba.ChipSim.Scenarios;

/// <summary>
/// The one bound on a trial count, shared by the scenario format (<c>simulation.trials</c>), every command's
/// <c>--trials</c> and the engine: every per-trial column is one array, so a count is at most <see cref="Array.MaxLength"/>.
/// </summary>
public static class TrialLimits
{
    public const long Min = 1;

    /// <summary>2,147,483,591 (<see cref="Array.MaxLength"/>).</summary>
    public static long Max => Array.MaxLength;

    /// <summary>Null when <paramref name="trials"/> is within bounds, else a message naming <paramref name="what"/>.</summary>
    public static string? Check(long trials, string what) =>
        trials < Min || trials > Max
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{what} must be between {Min} and {Max} (got {trials})")
            : null;
}
