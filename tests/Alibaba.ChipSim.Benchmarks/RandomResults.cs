using System.Collections.Immutable;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Tests.Support;

namespace Alibaba.ChipSim.Benchmarks;

/// <summary>A result the shape of a real run: 25 per-trial metrics (0/1, counts, amounts), 2 actors' finals, 16 quarterly columns.</summary>
internal static class RandomResults
{
    public static SimulationResult Create(int trials, int seed = 1)
    {
        var random = new Random(seed);
        double[] Column(Func<double> draw)
        {
            var values = new double[trials];
            for (var i = 0; i < trials; i++) values[i] = draw();
            return values;
        }
        var numeric = ImmutableArray.CreateBuilder<NumericColumn>();
        for (var i = 0; i < 3; i++) numeric.Add(new NumericColumn($"binary_{i}", Column(() => random.NextDouble() < 0.3 ? 1 : 0), isBinary: true));
        for (var i = 0; i < 4; i++) numeric.Add(new NumericColumn($"months_{i}", Column(() => random.NextDouble() < 0.1 ? double.NaN : random.Next(25)), isWholeNumber: true));
        for (var i = 0; i < 3; i++) numeric.Add(new NumericColumn($"chips_{i}", Column(() => random.Next(0, 500_000)), isWholeNumber: true));
        for (var i = 0; i < 15; i++) numeric.Add(new NumericColumn($"amount_{i}", Column(() => Math.Exp(random.NextDouble() * 6) * 1e6)));
        var quarterly = ImmutableArray.CreateBuilder<QuarterColumns>();
        for (var m = 0; m < 2; m++)
        {
            var quarters = Enumerable.Range(0, 8).Select(q => $"FY2026Q{q}").ToImmutableArray();
            quarterly.Add(new QuarterColumns($"revenue_{m}", quarters, [.. quarters.Select(_ => Column(() => 40 + 10 * random.NextDouble()))]));
        }
        byte[] Codes(int states)
        {
            var codes = new byte[trials];
            for (var i = 0; i < trials; i++) codes[i] = (byte)random.Next(states);
            return codes;
        }
        return new SimulationResult(
            TestScenarios.SpecExample(), 1, trials, numeric.ToImmutable(),
            [
                new CategoricalColumn("washington_final", ["rescinded", "licensed", "suspended", "reinstated"], Codes(4)),
                new CategoricalColumn("beijing_final", ["under_review", "approved", "conditional", "discouraged", "banned"], Codes(5)),
            ],
            quarterly.ToImmutable(), []);
    }
}
