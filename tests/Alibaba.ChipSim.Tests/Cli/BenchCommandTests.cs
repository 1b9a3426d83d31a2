using Alibaba.ChipSim.Cli.Commands;
using Alibaba.ChipSim.Tests.Support;
using Spectre.Console.Testing;

namespace Alibaba.ChipSim.Tests.Cli;

public sealed class BenchCommandTests
{
    [Fact]
    public void Bench_prints_one_row_per_trial_and_thread_count_with_the_machine_it_ran_on()
    {
        var console = new TestConsole().Width(200);
        BenchCommand.Execute(TestScenarios.SpecExample(), [2_000, 1_000], [2, 1], repeat: 1, seed: 1, console);
        var rows = console.Lines.Where(l => l.Contains("│ ") && char.IsDigit(l.Trim('│', ' ')[0])).ToList();
        Assert.Equal(4, rows.Count);
        // Ascending trials, then threads: 1,000 × 1, 1,000 × 2, 2,000 × 1, 2,000 × 2.
        Assert.StartsWith("1,000", rows[0].Trim('│', ' '));
        Assert.StartsWith("2,000", rows[3].Trim('│', ' '));
        Assert.Contains("logical CPUs", console.Output);
        Assert.Contains("Trials/s", console.Output);
    }
}
