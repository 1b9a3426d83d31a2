namespace Alibaba.ChipSim.Engine;

/// <summary>A run conditioned on history in which every trial has weight 0: the scenario gave what happened no chance in any trial.</summary>
public sealed class NoTrialMatchedException(string message) : Exception(message)
{
    /// <summary>The message naming the observation no trial matched (or, when each was matched by some trial, the rarest).</summary>
    internal static NoTrialMatchedException For(HistoryPlan history, ReadOnlySpan<long> matches, long trials)
    {
        for (var o = 0; o < matches.Length; o++)
            if (matches[o] == 0)
                return new($"no trial matched the history: none of the {trials:N0} trials could make {history.ObservationNames[o]}");
        if (matches.Length == 0)
            return new($"no trial matched the history: the reported quarters' likelihood is 0 in all {trials:N0} trials (residual_sd too small for the modelled quarters?)");
        var rarest = 0;
        for (var o = 1; o < matches.Length; o++) if (matches[o] < matches[rarest]) rarest = o;
        return new($"no trial matched every observation of the history at once (each alone was matched; the rarest, {history.ObservationNames[rarest]}, by {matches[rarest]:N0} of {trials:N0} trials); run more trials or check that the observations can happen together");
    }
}
