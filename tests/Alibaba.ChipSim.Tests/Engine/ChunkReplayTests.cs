using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Tests.Support;

namespace Alibaba.ChipSim.Tests.Engine;

/// <summary>The replay's pipeline: workers ahead of the consumer, the consumer on the calling thread, in trial order.</summary>
public sealed class ChunkReplayTests
{
    private const int Trials = 5_003;
    private const int Chunk = 97; // many chunks and waves, the last chunk short

    private static RunOptions Options(int threads, CancellationToken token = default) =>
        new() { Trials = Trials, Seed = 11, Threads = threads, CancellationToken = token };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Every_pass_hands_the_consumer_every_trial_once_in_trial_order_with_the_values_of_the_column_run(int threads)
    {
        var scenario = TestScenarios.SpecExample();
        var columns = SimulationEngine.Run(scenario, Options(threads));
        var replay = new ChunkReplay(scenario, Options(threads), Chunk);
        var caller = Environment.CurrentManagedThreadId;
        for (var pass = 0; pass < 2; pass++)
        {
            var seen = columns.Numeric.Select(_ => new List<double>()).ToArray();
            replay.Pass((chunks, rows) =>
            {
                Assert.Equal(caller, Environment.CurrentManagedThreadId);
                for (var k = 0; k < chunks.Length; k++)
                    for (var c = 0; c < seen.Length; c++)
                        seen[c].AddRange(chunks.Span[k].Numeric[c].Values.AsSpan(0, rows.Span[k]).ToArray());
            });
            for (var c = 0; c < seen.Length; c++)
                Assert.Equal(BitsOf(columns.Numeric[c].Values), BitsOf(seen[c]));
        }
        Assert.Equal(2, replay.Passes);
        Assert.Equal(columns.Occupancy.SelectMany(o => o.Counts.ToArray()), SimulationEngine.Occupancies(replay.Plan, replay.Occupancy, null).SelectMany(o => o.Counts.ToArray()));
    }

    [Fact]
    public void A_consumer_that_fails_stops_the_pass_with_its_own_exception_and_the_next_pass_is_whole()
    {
        var scenario = TestScenarios.SpecExample();
        var replay = new ChunkReplay(scenario, Options(2), Chunk);
        var waves = 0;
        var e = Assert.Throws<InvalidOperationException>(() => replay.Pass((_, _) =>
        {
            if (++waves == 3) throw new InvalidOperationException("consumer failed");
        }));
        Assert.Equal("consumer failed", e.Message);
        // No worker of the failed pass is left writing into the buffers: the next pass sees the column run's values.
        var expected = SimulationEngine.Run(scenario, Options(2)).Numeric[0].Values;
        var seen = new List<double>();
        replay.Pass((chunks, rows) =>
        {
            for (var k = 0; k < chunks.Length; k++) seen.AddRange(chunks.Span[k].Numeric[0].Values.AsSpan(0, rows.Span[k]).ToArray());
        });
        Assert.Equal(BitsOf(expected), BitsOf(seen));
    }

    [Fact]
    public void A_cancelled_pass_throws_operation_cancelled_and_consumes_nothing_more()
    {
        using var cancel = new CancellationTokenSource();
        var replay = new ChunkReplay(TestScenarios.SpecExample(), Options(2, cancel.Token), Chunk);
        var waves = 0;
        Assert.ThrowsAny<OperationCanceledException>(() => replay.Pass((_, _) =>
        {
            if (++waves == 2) cancel.Cancel();
        }));
        Assert.Equal(2, waves);
    }

    private static long[] BitsOf(IEnumerable<double> values) => values.Select(BitConverter.DoubleToInt64Bits).ToArray();
}
