namespace Alibaba.ChipSim.Engine;

/// <summary>A run conditioned on history in which every trial has weight 0: the scenario gave what happened no chance in any trial.</summary>
public sealed class NoTrialMatchedException(string message) : Exception(message)
{
    /// <summary>
    /// The message naming the observation no trial matched; or, when each was matched by some trial, the reported quarters'
    /// likelihood if trials matched every observed state and shipment at once, else the rarest observation.
    /// <paramref name="matches"/> is <see cref="TrialWorker.ObservationMatches"/> summed: one count per observation, then the
    /// trials that matched them all at once.
    /// </summary>
    internal static NoTrialMatchedException For(HistoryPlan history, ReadOnlySpan<long> matches, long trials)
    {
        var each = matches[..^1];
        var together = matches[^1];
        for (var o = 0; o < each.Length; o++)
            if (each[o] == 0)
                return new($"no trial matched the history: none of the {trials:N0} trials could make {history.ObservationNames[o]}");
        if (each.Length == 0 || together > 0)
        {
            var matchedFirst = each.Length == 0 ? "" : $" ({together:N0} of the {trials:N0} trials matched every observed state and shipment)";
            return new($"no trial matched the history: the reported quarters' likelihood is 0 in every trial{matchedFirst}; the reported revenue lies far from every modelled quarter, or residual_sd is too small");
        }
        var rarest = 0;
        for (var o = 1; o < each.Length; o++) if (each[o] < each[rarest]) rarest = o;
        return new($"no trial matched every observation of the history at once (each alone was matched; the rarest, {history.ObservationNames[rarest]}, by {each[rarest]:N0} of {trials:N0} trials); run more trials or check that the observations can happen together");
    }
}
