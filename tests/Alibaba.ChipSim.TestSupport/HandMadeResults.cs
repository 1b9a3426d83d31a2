using System.Collections.Immutable;
using Alibaba.ChipSim.Engine;

namespace Alibaba.ChipSim.Tests.Support;

/// <summary>Small <see cref="SimulationResult"/>s built by hand, whose statistics can be worked out on paper.</summary>
public static class HandMadeResults
{
    public const string Sha256 = "5f0c6d1e2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5";

    /// <summary>
    /// Four trials: a 0/1 metric (3 of 4), a month count missing in trial 1, a cost, a ratio missing in trial 1,
    /// Washington's final state (licensed ×3, reinstated ×1) and cloud revenue in two fiscal quarters.
    /// </summary>
    public static SimulationResult FourTrials() => Build(
        4,
        [
            new NumericColumn(MetricNames.DeliveredByDeadline, [1, 0, 1, 1], isBinary: true),
            new NumericColumn(MetricNames.MonthsToFirstDelivery, [2, double.NaN, 0, 1], isWholeNumber: true),
            new NumericColumn(MetricNames.CostCny, [1.5, 0, 2.25, 1e10]),
            new NumericColumn(MetricNames.Roi, [0.1, double.NaN, -0.25, 1.0 / 3]),
        ],
        [
            new CategoricalColumn("washington_final", ["rescinded", "licensed", "suspended", "reinstated"], [1, 1, 3, 1]),
        ],
        [
            new QuarterColumns(MetricNames.CloudRevenueCnyBn, ["FY2026Q4", "FY2027Q1"], [[40.5, 41, 39.75, 42], [43.125, 44, 40, 45.5]]),
        ]);

    public static SimulationResult Build(
        long trials, NumericColumn[] numeric, CategoricalColumn[] categorical, QuarterColumns[] quarterly, ulong seed = 20251223) =>
        new(
            TestScenarios.SpecExample() with { Sha256 = Sha256 },
            seed,
            trials,
            numeric.ToImmutableArray(),
            categorical.ToImmutableArray(),
            quarterly.ToImmutableArray(),
            ImmutableArray<StateOccupancy>.Empty);

    /// <summary>A result of <paramref name="trials"/> random trials with the shape of a real run (for speed and culture tests).</summary>
    public static SimulationResult Random(int trials, int seed)
    {
        var random = new System.Random(seed);
        double[] Column(Func<double> draw)
        {
            var values = new double[trials];
            for (var i = 0; i < trials; i++) values[i] = draw();
            return values;
        }
        var codes = new byte[trials];
        random.NextBytes(codes);
        for (var i = 0; i < trials; i++) codes[i] %= 4;
        return Build(
            trials,
            [
                new NumericColumn(MetricNames.DeliveredByDeadline, Column(() => random.NextDouble() < 0.3 ? 1 : 0), isBinary: true),
                new NumericColumn(MetricNames.MonthsToFirstDelivery, Column(() => random.NextDouble() < 0.1 ? double.NaN : random.Next(25)), isWholeNumber: true),
                new NumericColumn(MetricNames.ChipsDelivered, Column(() => random.Next(0, 200_000)), isWholeNumber: true),
                new NumericColumn(MetricNames.CostCny, Column(() => random.NextDouble() * 1e10)),
                new NumericColumn(MetricNames.Roi, Column(() => Math.Exp(random.NextDouble() * 4 - 2) - 1)),
            ],
            [new CategoricalColumn("washington_final", ["rescinded", "licensed", "suspended", "reinstated"], codes)],
            [new QuarterColumns(MetricNames.CloudRevenueCnyBn, ["FY2026Q4", "FY2027Q1"], [Column(() => 40 + random.NextDouble()), Column(() => 44 + random.NextDouble())])]);
    }
}
