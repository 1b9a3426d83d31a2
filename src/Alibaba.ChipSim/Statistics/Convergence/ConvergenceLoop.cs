using System.Collections.Immutable;

namespace Alibaba.ChipSim.Statistics.Convergence;

/// <summary>
/// Runs batches of a fixed size, trial indices continuing from batch to batch, until the standard error
/// of a metric's mean is at most the target or the cap is reached. The moments are merged in batch
/// order (Chan et al.), so the stopping point is the same on every run with the same seed.
/// </summary>
public static class ConvergenceLoop
{
    /// <param name="target">The metric and the standard error to reach.</param>
    /// <param name="batchTrials">Trials per batch.</param>
    /// <param name="maxTrials">The cap: the last batch is cut short to end there.</param>
    /// <param name="runBatch">Runs trials [first, first + count) and returns the metric's value per trial (NaN = missing).</param>
    /// <param name="cancellationToken">Checked before each batch.</param>
    public static ConvergenceTrace Run(SeTarget target, int batchTrials, long maxTrials, Func<long, int, double[]> runBatch,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(runBatch);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchTrials, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTrials, 1);
        var points = ImmutableArray.CreateBuilder<ConvergencePoint>();
        long count = 0, trials = 0;
        double mean = 0, m2 = 0;
        while (trials < maxTrials)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var size = (int)Math.Min(batchTrials, maxTrials - trials);
            var values = runBatch(trials, size);
            var (n, batchMean, batchM2) = Moments(values);
            if (n > 0)
            {
                // Chan's pairwise update of (count, mean, Σ squared deviations).
                var total = count + n;
                var delta = batchMean - mean;
                mean += delta * n / total;
                m2 += batchM2 + delta * delta * count * n / total;
                count = total;
            }
            trials += size;
            var se = count > 1 ? Math.Sqrt(m2 / (count - 1) / count) : double.NaN;
            points.Add(new ConvergencePoint(trials, count, count > 0 ? mean : double.NaN, se));
            if (se <= target.MaxSe) return new ConvergenceTrace(target, batchTrials, maxTrials, true, points.ToImmutable());
        }
        return new ConvergenceTrace(target, batchTrials, maxTrials, false, points.ToImmutable());
    }

    private static (long Count, double Mean, double M2) Moments(double[] values)
    {
        long n = 0;
        var sum = 0.0;
        foreach (var v in values)
        {
            if (double.IsNaN(v)) continue;
            n++;
            sum += v;
        }
        if (n == 0) return (0, 0, 0);
        var mean = sum / n;
        var m2 = 0.0;
        foreach (var v in values)
        {
            if (double.IsNaN(v)) continue;
            var d = v - mean;
            m2 += d * d;
        }
        return (n, mean, m2);
    }
}
