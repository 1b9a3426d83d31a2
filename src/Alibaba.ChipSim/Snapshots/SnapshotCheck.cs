namespace Alibaba.ChipSim.Snapshots;

/// <summary>
/// The outcome of checking one committed snapshot against a fresh computation: <see cref="Diff"/> is the unified
/// diff from the committed file to what it should now hold (empty when up to date; against <c>/dev/null</c> when missing).
/// </summary>
internal sealed record SnapshotCheck(string Path, bool Exists, string Diff)
{
    public bool UpToDate => Exists && Diff.Length == 0;
}
