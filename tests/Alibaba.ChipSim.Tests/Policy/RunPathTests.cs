using Alibaba.ChipSim.Policy;
using Alibaba.ChipSim.Sampling;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Tests.Support;

namespace Alibaba.ChipSim.Tests.Policy;

/// <summary>
/// The engine's whole-trial path (<see cref="CompiledPolicy.RunPath"/>, which steps only the months where some actor can
/// move) gives what the month-by-month step (<see cref="CompiledPolicy.StepMonth"/>, itself held to the Stateless machines)
/// gives: the same final states, first entries and gates in every trial, and occupancy counts from its moves equal to the
/// states counted month by month.
/// </summary>
public sealed class RunPathTests
{
    private const int Trials = 5_000;

    [Fact]
    public void Agrees_with_the_monthly_step_on_the_spec_example() => AssertAgree(TestScenarios.SpecExample(), 20251223);

    [Fact]
    public void Agrees_with_the_monthly_step_on_three_actors_with_guards_and_schedules() => AssertAgree(PolicyScenarios.ThreeActors(), 7);

    [Theory]
    [InlineData(63)] // months as bits: every month in one word
    [InlineData(64)]
    [InlineData(65)] // past one word: month by month
    [InlineData(100)]
    public void Agrees_with_the_monthly_step_on_three_actors_over_long_horizons(int months)
    {
        var three = PolicyScenarios.ThreeActors();
        AssertAgree(PolicyScenarios.WithActors("2025-12", months, [.. three.Actors]), 11);
    }

    [Theory]
    [MemberData(nameof(ShippedScenarios.Files), MemberType = typeof(ShippedScenarios))]
    public void Agrees_with_the_monthly_step_on_every_shipped_scenario(string file)
    {
        var scenario = ShippedScenarios.Load(file);
        AssertAgree(scenario, scenario.Simulation.Seed);
    }

    private static void AssertAgree(Scenario scenario, ulong seed)
    {
        var trace = new PolicyTrace(scenario);
        var policy = trace.Compiled;
        var n = policy.ActorCount;
        var months = policy.Months;
        var total = policy.TotalStates;
        var values = new double[trace.Parameters.Count];
        var streams = new ulong[n];
        var totals = new double[total];
        var states = new byte[n];
        var firstEntry = new int[total];
        var gates = new double[months];
        var uniforms = new double[n * months];
        var moves = new long[months * total];
        var counted = new long[months * total];
        var movedTrials = 0;
        for (var trial = 0; trial < Trials; trial++)
        {
            var path = trace.Fast(seed, trial);
            var expected = trace.LastOutcome;

            var hash = RandomStreams.TrialHash(seed, trial);
            trace.Parameters.Draw(trial, hash, values);
            policy.Streams(hash, streams);
            policy.Reset(states);
            policy.TotalHazards(values, totals);
            Array.Fill(firstEntry, -1);
            Array.Fill(gates, double.NaN);
            policy.RunPath(streams, states, values, firstEntry, totals, gates, uniforms, moves);

            Assert.Equal(expected.FinalStates.ToArray(), states);
            Assert.Equal(expected.Gates.ToArray(), gates);
            for (var a = 0; a < n; a++)
                for (var s = 0; s < policy.StateCount(a); s++)
                    Assert.Equal(expected.FirstEntryMonth(a, s), firstEntry[policy.StateOffset[a] + s]);
            for (var m = 0; m < months; m++)
                for (var a = 0; a < n; a++)
                    counted[m * total + policy.StateOffset[a] + path.State(a, m + 1)]++;
            var left = false;
            for (var a = 0; a < n; a++) left |= path.State(a, months) != path.State(a, 0);
            if (left) movedTrials++;
        }
        var occupancy = new long[months * total];
        policy.Occupancy(Trials, moves, occupancy);
        Assert.Equal(counted, occupancy);
        // The agreement means something only if actors moved.
        Assert.True(movedTrials > 0, $"{scenario.Name}: no trial left its initial states");
    }
}
