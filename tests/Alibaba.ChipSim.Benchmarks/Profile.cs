using System.Diagnostics;
using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Sampling;
using Alibaba.ChipSim.Tests.Support;

namespace Alibaba.ChipSim.Benchmarks;

internal static class Profile
{
    public static void Go()
    {
        var scenario = TestScenarios.SpecExample();
        var compile = Stopwatch.StartNew();
        var plan = new SimulationPlan(scenario);
        Console.WriteLine($"plan (cold): {compile.Elapsed.TotalMilliseconds:F0} ms");
        compile.Restart();
        plan = new SimulationPlan(scenario);
        Console.WriteLine($"plan (warm): {compile.Elapsed.TotalMilliseconds:F0} ms");
        var v = new double[plan.Parameters.Count];
        const int n = 1_000_000;
        for (var rep = 0; rep < 2; rep++)
        {
            var sw = Stopwatch.StartNew();
            double s = 0;
            for (var t = 0; t < n; t++) { plan.Parameters.Draw(t, RandomStreams.TrialHash(1, t), v); s += v[0]; }
            Console.WriteLine($"draw: {sw.Elapsed.TotalMilliseconds / n * 1e6:F0} ns/trial");
            for (var i = 0; i < plan.Parameters.Count; i++)
            {
                var d = plan.Parameters.Distributions[i];
                if (d.IsConstant) continue;
                sw.Restart();
                for (var t = 0; t < n; t++) s += d.Sample(RandomStreams.Uniform(1, t, 5, 0));
                Console.WriteLine($"  {plan.Parameters.Parameters[i].Path}: {sw.Elapsed.TotalMilliseconds / n * 1e6:F1} ns");
            }
            sw.Restart();
            var totals = new double[plan.TotalStates];
            plan.Policy.TotalHazards(v, totals);
            var streams = new ulong[2]; var u = new double[2]; var firstEntry = new int[plan.TotalStates]; var b = new byte[2]; var a = new byte[2];
            for (var t = 0; t < n; t++)
            {
                plan.Policy.Streams(RandomStreams.TrialHash(1, t), streams);
                plan.Policy.Reset(b);
                for (var m = 0; m < plan.Months; m++)
                {
                    plan.Policy.StepMonth(m, streams, b, a, v, firstEntry, totals);
                    (a, b) = (b, a);
                    s += plan.Policy.Gate(b, v);
                }
            }
            Console.WriteLine($"policy: {sw.Elapsed.TotalMilliseconds / n * 1e6:F0} ns/trial");
            sw.Restart();
            for (var t = 0; t < n; t++)
            {
                plan.Policy.Streams(RandomStreams.TrialHash(1, t), streams);
                for (var m = 0; m < plan.Months; m++)
                {
                    s += RandomStreams.Uniform(streams[0], m) + RandomStreams.Uniform(streams[1], m);
                }
            }
            Console.WriteLine($"uniforms only: {sw.Elapsed.TotalMilliseconds / n * 1e6:F0} ns/trial");
            sw.Restart();
            for (var t = 0; t < n; t++)
            {
                plan.Policy.Reset(b);
                for (var m = 0; m < plan.Months; m++)
                {
                    u[0] = u[1] = ((t * 31 + m * 17) % 100) / 100.0;
                    plan.Policy.Step(m, b, a, u, v);
                    (a, b) = (b, a);
                }
            }
            Console.WriteLine($"step only: {sw.Elapsed.TotalMilliseconds / n * 1e6:F0} ns/trial");
            var cols = new OutcomeColumns(plan, n);
            var w = new TrialWorker(plan, cols, 1);
            sw.Restart();
            w.RunRange(0, 0, n);
            Console.WriteLine($"worker (cold columns): {sw.Elapsed.TotalMilliseconds / n * 1e6:F0} ns/trial");
            sw.Restart();
            w.RunRange(0, 0, n);
            Console.WriteLine($"worker (warm columns): {sw.Elapsed.TotalMilliseconds / n * 1e6:F0} ns/trial {s}");
        }
    }
}
