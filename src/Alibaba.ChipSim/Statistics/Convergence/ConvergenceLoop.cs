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

    /// <summary>
    /// The loop for a run conditioned on history: <paramref name="runBatch"/> also returns each trial's weight, and the
    /// stopping se is the weighted one, sd/√ess with sd² = Σw(x − mean)²/(V1 − V2/V1) and ess = V1²/V2 over the trials
    /// with a defined value and w &gt; 0 (docs/forecast-scoring.md). Batches merge by Chan's update with weights as counts;
    /// each point's count is the number of such trials.
    /// </summary>
    public static ConvergenceTrace RunWeighted(SeTarget target, int batchTrials, long maxTrials, Func<long, int, (double[] Values, double[] Weights)> runBatch,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(runBatch);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchTrials, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTrials, 1);
        var points = ImmutableArray.CreateBuilder<ConvergencePoint>();
        long count = 0, trials = 0;
        double weight = 0, squaredWeights = 0, mean = 0, m2 = 0;
        while (trials < maxTrials)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var size = (int)Math.Min(batchTrials, maxTrials - trials);
            var (values, weights) = runBatch(trials, size);
            long n = 0;
            double w1 = 0, w2 = 0, sum = 0;
            for (var t = 0; t < values.Length; t++)
            {
                if (double.IsNaN(values[t]) || !(weights[t] > 0)) continue;
                n++;
                w1 += weights[t];
                w2 += weights[t] * weights[t];
                sum += weights[t] * values[t];
            }
            if (n > 0)
            {
                var batchMean = sum / w1;
                double batchM2 = 0;
                for (var t = 0; t < values.Length; t++)
                {
                    if (double.IsNaN(values[t]) || !(weights[t] > 0)) continue;
                    var d = values[t] - batchMean;
                    batchM2 += weights[t] * d * d;
                }
                var total = weight + w1;
                var delta = batchMean - mean;
                mean += delta * w1 / total;
                m2 += batchM2 + delta * delta * weight * w1 / total;
                weight = total;
                squaredWeights += w2;
                count += n;
            }
            trials += size;
            var denominator = weight - (weight > 0 ? squaredWeights / weight : 0);
            var se = count > 1 && denominator > 0 ? Math.Sqrt(m2 / denominator) / Math.Sqrt(weight * weight / squaredWeights) : double.NaN;
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
