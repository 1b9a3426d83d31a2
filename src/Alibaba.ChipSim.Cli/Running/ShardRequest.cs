using System.Globalization;
using Alibaba.ChipSim.Runs.Shards;

namespace Alibaba.ChipSim.Cli.Running;

/// <summary>
/// <c>--shard K/M</c> (run the K-th, 0-based, of M equal slices of the trials) or <c>--shard auto/M</c> (K from the
/// scheduler: <c>SLURM_ARRAY_TASK_ID</c> of a Slurm job array, else <c>JOB_COMPLETION_INDEX</c> of a Kubernetes Indexed Job).
/// </summary>
internal sealed record ShardRequest(int? Index, int Count)
{
    public static readonly string[] IndexVariables = ["SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX"];

    public static ShardRequest? TryParse(string text, out string? error)
    {
        error = null;
        var slash = text.IndexOf('/');
        var k = slash < 0 ? "" : text[..slash].Trim();
        var m = slash < 0 ? "" : text[(slash + 1)..].Trim();
        if (!int.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1 || count > ShardSlice.MaxCount)
        {
            error = $"--shard takes K/M or auto/M with M a whole number from 1 to {ShardSlice.MaxCount} (got '{text}'), e.g. --shard 0/4 or --shard auto/4";
            return null;
        }
        if (k == "auto") return new ShardRequest(null, count);
        if (k.Length == 0 || !k.All(char.IsAsciiDigit))
        {
            error = $"--shard K/M needs K, a shard number from 0 to M - 1 = {count - 1}, or auto: {(k.Length == 0 ? "K is missing" : "K is not a number")} (got '{text}')";
            return null;
        }
        if (!int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= count)
        {
            error = $"--shard K/M needs K from 0 to M - 1 = {count - 1} (got '{text}'); shards are numbered from 0";
            return null;
        }
        return new ShardRequest(index, count);
    }

    /// <summary>The slice to run of a run of <paramref name="trials"/> trials, reading K from <paramref name="environment"/> for auto.</summary>
    public ShardSlice? Resolve(Func<string, string?> environment, long trials, out string? error)
    {
        error = null;
        if (Count > trials)
        {
            error = $"--shard: M = {Count} shards of {trials} trials would leave some empty; use at most {trials} shards";
            return null;
        }
        if (Index is { } given) return new ShardSlice(given, Count);
        foreach (var variable in IndexVariables)
        {
            var value = environment(variable);
            if (string.IsNullOrWhiteSpace(value)) continue;
            if (!int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= Count)
            {
                error = $"--shard auto/{Count}: {variable} is '{value}', not a shard number from 0 to {Count - 1} (an array of {Count} tasks numbered from 0, e.g. #SBATCH --array=0-{Count - 1})";
                return null;
            }
            return new ShardSlice(index, Count);
        }
        error = $"--shard auto/{Count}: neither {string.Join(" nor ", IndexVariables)} is set; run it as a task of a Slurm job array or a Kubernetes Indexed Job, or give --shard K/{Count}";
        return null;
    }
}
