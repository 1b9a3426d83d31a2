using System.Collections.Immutable;
using System.Reflection;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Output;
using Alibaba.ChipSim.Scenarios;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace Alibaba.ChipSim.Benchmarks;

/// <summary>
/// Writing trials.parquet for 1,000,000 trials with the engine's column set (every per-trial metric of
/// <see cref="MetricNames"/>, two actors' final states), values drawn from the counter-based streams so that
/// compression sees realistic entropy. Run: <c>dotnet run -c Release --project tests/Alibaba.ChipSim.Benchmarks -- --filter '*Parquet*'</c>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ParquetExportBenchmarks
{
    private SimulationResult _result = null!;
    private string _path = null!;

    [Params(1_000_000)]
    public int Trials { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var names = typeof(MetricNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToArray();
        var numeric = ImmutableArray.CreateBuilder<NumericColumn>();
        for (var c = 0; c < names.Length; c++)
        {
            var key = RandomStreams.KeyOf(names[c]);
            var whole = c % 2 == 0;
            var values = new double[Trials];
            for (var t = 0; t < Trials; t++)
            {
                var u = RandomStreams.Uniform(1, t, key, 0);
                values[t] = u < 0.05 ? double.NaN : whole ? Math.Floor(u * 100_000) : u * 1e9;
            }
            numeric.Add(new NumericColumn(names[c], values, isWholeNumber: whole));
        }
        var categorical = ImmutableArray.CreateBuilder<CategoricalColumn>();
        foreach (var actor in new[] { "washington", "beijing" })
        {
            var key = RandomStreams.KeyOf(actor);
            var codes = new byte[Trials];
            for (var t = 0; t < Trials; t++) codes[t] = (byte)(RandomStreams.Uniform(1, t, key, 0) * 4);
            categorical.Add(new CategoricalColumn(actor + "_final", ["a", "b", "c", "d"], codes));
        }
        var scenario = new Scenario("bench", null, null!, null!, ImmutableArray<ActorSpec>.Empty, null!, null!, null!, null!);
        _result = new SimulationResult(scenario, 1, Trials, numeric.ToImmutable(), categorical.ToImmutable(),
            ImmutableArray<QuarterColumns>.Empty, ImmutableArray<StateOccupancy>.Empty);
        _path = Path.Combine(Path.GetTempPath(), "chipsim-bench-trials.parquet");
    }

    [Benchmark]
    public long WriteTrialsParquet()
    {
        TrialsParquetWriter.Write(_result, _path);
        return new FileInfo(_path).Length;
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);
}
