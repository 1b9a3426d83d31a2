using System.Runtime.ExceptionServices;

namespace Alibaba.ChipSim.Report;

/// <summary>
/// Charts to draw, drawn side by side on the machine's cores and handed back in the order they were added. Each job builds
/// its own plot and renders its own PNG and SVG (clip-path ids are renumbered per chart, <see cref="SvgIds"/>), so a chart's
/// bytes do not depend on which thread drew it or on what was drawn beside it.
/// </summary>
internal sealed class ChartJobs
{
    private readonly List<Func<ReportChart?>> _jobs = [];

    /// <summary>Adds a chart to draw; returns its index in <see cref="Draw"/>'s result.</summary>
    public int Add(Func<ReportChart?> job)
    {
        _jobs.Add(job);
        return _jobs.Count - 1;
    }

    /// <summary>
    /// Draws every chart added, on up to <paramref name="threads"/> threads (every core when null); a job's exception is
    /// thrown as it was. A job may find nothing to draw (null).
    /// </summary>
    public ReportChart?[] Draw(int? threads = null)
    {
        var drawn = new ReportChart?[_jobs.Count];
        try
        {
            Parallel.For(0, _jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = threads ?? Environment.ProcessorCount }, i => drawn[i] = _jobs[i]());
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        return drawn;
    }
}
