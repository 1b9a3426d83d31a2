using System.Collections.Immutable;
using System.Globalization;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Scenarios.Actuals;
using Alibaba.ChipSim.Statistics;
using Alibaba.ChipSim.Statistics.Scoring;
using Alibaba.ChipSim.Statistics.Weighted;

namespace Alibaba.ChipSim.Output.Scoring;

/// <summary>
/// Scores a run folder's per-trial forecast against an actuals file (docs/forecast-scoring.md): each realised value by its
/// PIT and CRPS, each event by its Brier and log score, weighted by the trials file's <c>weight</c> column when it has one.
/// Throws <see cref="InvalidDataException"/> naming the file when the folder is not a run folder with per-trial files.
/// </summary>
public static class RunScorer
{
    public const string FirstDeliveryMetric = "months_to_first_delivery";

    public static ScoreReport Score(string runFolder, ActualsFile actuals, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(runFolder))
            throw new InvalidDataException(File.Exists(runFolder)
                ? $"{runFolder}: a file; expected a run folder written by `chipsim run --out DIR`"
                : $"{runFolder}: no such folder");
        var trialsFile = TrialColumnsReader.FileOf(runFolder)
            ?? throw new InvalidDataException($"{runFolder}: no trials.csv or trials.parquet (run with `chipsim run --out DIR` and --format csv or parquet)");
        var summaryFile = Path.Combine(runFolder, ComparableRunReader.SummaryFileName);
        var summary = File.Exists(summaryFile) ? SummaryJsonReader.ReadFile(summaryFile) : null;

        var names = actuals.Values.Select(v => v.Metric)
            .Concat(actuals.Events.Select(e => e.Metric ?? FirstDeliveryMetric))
            .ToHashSet(StringComparer.Ordinal);
        // The summary, when there is one, says which columns hold final states and how many trials the file must hold.
        var textColumns = summary?.Metrics.OfType<StateShares>().Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        var trials = TrialColumnsReader.Read(trialsFile, names, textColumns, summary?.Trials, cancellationToken);
        var weights = trials.Weights ?? Enumerable.Repeat(1.0, trials.Trials).ToArray();
        var totals = TrialWeights.Totals(weights);
        if (totals.TrialsWithWeight == 0) throw new InvalidDataException($"{trialsFile}: every trial has weight 0; nothing to score");

        var values = actuals.Values.Select(v => ScoreValue(v, trials, weights)).ToImmutableArray();
        var events = actuals.Events.Select(e => ScoreEvent(e, trials, weights, summary?.Calendar)).ToImmutableArray();
        return new ScoreReport(runFolder, trialsFile, summary?.Scenario, trials.Trials, trials.Weights is not null, totals.Ess,
            summary?.Calendar?.Start, actuals.File, values, events);
    }

    private static ValueScore ScoreValue(ObservedValue observed, TrialColumns trials, double[] weights)
    {
        if (!trials.Columns.TryGetValue(observed.Metric, out var column))
            return new ValueScore(observed.Metric, observed.Value, observed.Description, null, null, null, Missing(observed.Metric, trials));
        var forecast = WeightedColumnStatistics.Summarize(observed.Metric, column, weights);
        if (ForecastScores.Value(column, weights, observed.Value) is not { } score)
            return new ValueScore(observed.Metric, observed.Value, observed.Description, forecast, null, null, "no trial (with weight) defines this metric");
        string? note = null;
        if (observed.Value < forecast.P1) note = $"below the forecast's P1 ({Format(forecast.P1!.Value)})";
        else if (observed.Value > forecast.P99) note = $"above the forecast's P99 ({Format(forecast.P99!.Value)})";
        return new ValueScore(observed.Metric, observed.Value, observed.Description, forecast, score.Pit, score.Crps, note);
    }

    private static EventScore ScoreEvent(ObservedEvent observed, TrialColumns trials, double[] weights, CalendarSpec? calendar)
    {
        EventScore Unscored(string note) => new(observed.Label, observed.Happened, observed.Description, null, null, null, null, note);
        var metric = observed.Metric ?? FirstDeliveryMetric;
        if (!trials.Columns.TryGetValue(metric, out var column)) return Unscored(Missing(metric, trials));
        var indicator = new double[column.Length];
        string? note = null;
        if (observed.FirstDeliveryBy is { } by)
        {
            if (calendar is null)
                return Unscored("the run's summary.json does not give its calendar (written by an older chipsim, or missing): rerun to place the month");
            var index = by.MonthsSince(calendar.Start);
            if (index < 0) return Unscored($"{by} is before the run's first month ({calendar.Start})");
            if (index >= calendar.Months) note = $"{by} is after the run's last month ({calendar.End}): a delivery after it counts as none";
            for (var t = 0; t < column.Length; t++) indicator[t] = column[t] <= index ? 1 : 0; // NaN (never delivered) compares false
        }
        else
        {
            for (var t = 0; t < column.Length; t++)
            {
                var v = column[t];
                if (v is not (0 or 1) && weights[t] > 0) return Unscored($"{metric} is not a 0/1 metric (trial {t} has {Format(v)})");
                indicator[t] = v;
            }
        }
        var forecast = WeightedColumnStatistics.Summarize(metric, indicator, weights, isBinary: true);
        var p = forecast.Probability!.Value;
        var outcome = observed.Happened ? p : 1 - p;
        if (outcome == 0) note = Join(note, "the forecast gave what happened no chance: no trial (with weight) matched it");
        else if (outcome < 0.01) note = Join(note, $"the forecast gave what happened less than 1% ({Format(100 * outcome)}%)");
        return new EventScore(observed.Label, observed.Happened, observed.Description, p, forecast.Ess,
            ForecastScores.Brier(p, observed.Happened), ForecastScores.LogScore(p, observed.Happened), note);
    }

    private static string Missing(string metric, TrialColumns trials)
    {
        var file = Path.GetFileName(trials.File);
        var underscore = metric.LastIndexOf('_');
        if (underscore > 0)
        {
            var prefix = metric[..(underscore + 1)];
            var quarters = trials.Header.Where(h => h.StartsWith(prefix, StringComparison.Ordinal) && IsQuarter(h[prefix.Length..])).ToList();
            if (quarters.Count > 0 && IsQuarter(metric[(underscore + 1)..]))
                return $"not in this run: {file} has no {metric} (it reports {quarters[0][prefix.Length..]} to {quarters[^1][prefix.Length..]})";
        }
        return $"not in this run: {file} has no column {metric}";
    }

    private static bool IsQuarter(string s) => s.Length == 8 && (s.StartsWith("FY", StringComparison.Ordinal) || s.StartsWith("CY", StringComparison.Ordinal)) && s[6] == 'Q';

    private static string? Join(string? a, string b) => a is null ? b : a + "; " + b;

    private static string Format(double x) => x.ToString("G6", CultureInfo.InvariantCulture);
}
