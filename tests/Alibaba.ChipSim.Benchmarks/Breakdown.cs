using System.Diagnostics;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Model;
using Alibaba.ChipSim.Sampling;
using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Benchmarks;

/// <summary>`breakdown SCENARIO [trials]`: the cost per trial of each stage of the trial loop on one core, for a scenario file.</summary>
internal static class Breakdown
{
    public static void Go(string path, int n)
    {
        var load = ScenarioLoader.Load(path);
        if (!load.Succeeded) throw new InvalidOperationException(string.Join("\n", load.Diagnostics));
        var plan = new SimulationPlan(load.Scenario!);
        var v = new double[plan.Parameters.Count];
        var inputs = new TrialInputs();
        if (plan.Model.Shape.HasNoise) inputs.QuarterNoiseZ = new double[plan.Model.Horizon.AllQuarters];
        var state = TrialState.Create(plan.Model);
        var streams = new ulong[plan.ActorCount];
        var before = new byte[plan.ActorCount];
        var after = new byte[plan.ActorCount];
        var firstEntry = new int[plan.TotalStates];
        var gates = new double[plan.Months];
        var totals = new double[plan.TotalStates];
        double sink = 0;
        for (var rep = 0; rep < 3; rep++)
        {
            var sw = Stopwatch.StartNew();
            for (var t = 0; t < n; t++) { plan.Parameters.Draw(t, RandomStreams.TrialHash(1, t), v); sink += v[0]; }
            var draw = sw.Elapsed.TotalNanoseconds / n;
            sw.Restart();
            for (var t = 0; t < n; t++)
            {
                plan.Policy.Streams(RandomStreams.TrialHash(1, t), streams);
                plan.Policy.Reset(before);
                plan.Policy.TotalHazards(v, totals);
                for (var m = 0; m < plan.Months; m++)
                {
                    if (plan.Policy.StepMonth(m, streams, before, after, v, firstEntry, totals)) sink += plan.Policy.Gate(after, v);
                    (before, after) = (after, before);
                }
            }
            var policy = sw.Elapsed.TotalNanoseconds / n;
            for (var m = 0; m < plan.Months; m++) gates[m] = m < 4 ? 0 : 0.8;
            sw.Restart();
            for (var t = 0; t < n; t++)
            {
                plan.Inputs.Fill(v, ref inputs);
                plan.Model.Begin(ref state, in inputs);
                for (var m = 0; m < plan.Months; m++) plan.Model.StepMonth(ref state, in inputs, gates[m], m);
                sink += state.Revenue.Cloud;
            }
            var model = sw.Elapsed.TotalNanoseconds / n;
            sw.Restart();
            for (var t = 0; t < n; t++) sink += plan.Model.Finish(in state, in inputs).Roi;
            var finish = sw.Elapsed.TotalNanoseconds / n;
            var cols = new OutcomeColumns(plan, n);
            var w = new TrialWorker(plan, cols, 1);
            w.RunRange(0, 0, n);
            sw.Restart();
            w.RunRange(0, 0, n);
            var worker = sw.Elapsed.TotalNanoseconds / n;
            Console.WriteLine($"draw {draw:F0} ns, policy {policy:F0} ns, model {model:F0} ns, finish {finish:F0} ns; whole worker (warm columns) {worker:F0} ns/trial  ({sink:E1})");
        }
    }
}
