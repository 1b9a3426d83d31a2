namespace Alibaba.ChipSim.Cli.Reporting;

/// <summary>The <c>report</c> command's arguments, parsed.</summary>
internal sealed record ReportSettings(
    IReadOnlyList<string> Files,
    string OutputDirectory,
    long? Trials,
    ulong? Seed,
    int Threads,
    string? Date)
{
    /// <summary><c>--allow-extends-outside</c>.</summary>
    public bool AllowExtendsOutside { get; init; }

    /// <summary><c>--history FILE</c>: condition every scenario on this history (replacing its own), as <c>run --history</c> does.</summary>
    public string? HistoryFile { get; init; }
}
