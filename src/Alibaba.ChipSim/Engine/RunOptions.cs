namespace Alibaba.ChipSim.Engine;

/// <summary>How to run a scenario: how many trials, from which index, with which seed, on how many threads.</summary>
public sealed record RunOptions
{
    /// <summary>Number of trials (rows of every column).</summary>
    public required long Trials { get; init; }

    public required ulong Seed { get; init; }

    /// <summary>Worker threads; 0 = every core. Never changes the results.</summary>
    public int Threads { get; init; }

    /// <summary>
    /// The index of the first trial. Trial i of a run is trial <c>FirstTrial + i</c> of the seed's
    /// sequence, so runs over [0, n) and [n, 2n) concatenate to a run over [0, 2n), bit for bit.
    /// </summary>
    public long FirstTrial { get; init; }

    /// <summary>
    /// Under Latin hypercube sampling or correlations, the size of the blocks of trials that are stratified
    /// and correlated together, starting at multiples of it; 0 = the whole run is one block. With Latin
    /// hypercube sampling, runs over [0, n) and [n, 2n) concatenate to a run over [0, 2n) when this is n.
    /// </summary>
    public int SamplingBlockTrials { get; init; }

    /// <summary>
    /// The trial count of the whole run that [<see cref="FirstTrial"/>, <see cref="FirstTrial"/> + <see cref="Trials"/>) is a
    /// slice of (a shard); 0 = the range is the run. With a sampling design (Latin hypercube, correlations) and no
    /// <see cref="SamplingBlockTrials"/>, the design is laid over the whole run's trials and the slice reads its own
    /// rows, so a shard draws exactly what the one-process run draws for those trials.
    /// </summary>
    public long WholeRunTrials { get; init; }

    /// <summary>
    /// True for one part of a larger run conditioned on history (a batch of <c>--until-se</c>): a part in which every
    /// trial has weight 0 is returned, not refused; the joined run is checked (<see cref="SimulationEngine.RequireSomeWeight"/>).
    /// </summary>
    internal bool PartOfLargerRun { get; init; }

    /// <summary>The per-trial columns to keep; null (the default) keeps every column. See <see cref="ColumnSelection"/>.</summary>
    public ColumnSelection? Columns { get; init; }

    public CancellationToken CancellationToken { get; init; }

    /// <summary>Receives the number of trials finished so far (from worker threads, in no fixed order of calls).</summary>
    public IProgress<long>? Progress { get; init; }
}
