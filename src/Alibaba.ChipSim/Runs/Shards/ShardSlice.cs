namespace Alibaba.ChipSim.Runs.Shards;

/// <summary>
/// Shard <see cref="Index"/> (0-based) of <see cref="Count"/> equal, contiguous slices of a run's trial range: slice K
/// holds trials [⌊K·N/M⌋, ⌊(K+1)·N/M⌋), so the slices differ in size by at most one trial and tile [0, N) exactly.
/// </summary>
public readonly record struct ShardSlice(int Index, int Count)
{
    /// <summary>The most shards a run may be cut into.</summary>
    public const int MaxCount = 100_000;

    /// <summary>The first trial and the number of trials of this slice of a run of <paramref name="trials"/> trials.</summary>
    public (long First, long Count) Range(long trials)
    {
        if (Count < 1 || Index < 0 || Index >= Count) throw new InvalidOperationException($"shard {Index}/{Count} is not a slice (0 <= K < M)");
        var first = (long)((Int128)trials * Index / Count);
        var end = (long)((Int128)trials * (Index + 1) / Count);
        return (first, end - first);
    }

    public override string ToString() => $"{Index}/{Count}";
}
