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
        Assert.Contains($".NET {Environment.Version} (JIT),", console.Output);
        Assert.Contains("Trials/s", console.Output);
        // The vectors this machine runs the eight-lane paths on: figures from hosts with and without AVX-512 differ.
        var expected = System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated ? "logical CPUs, 512-bit vectors,"
            : System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated ? "logical CPUs, 256-bit vectors (no AVX-512),"
            : "logical CPUs, no vector instructions,";
        Assert.Contains(expected, console.Output);
    }

    [Fact]
    public void Bench_of_whole_processes_runs_chipsim_run_as_a_child_and_reports_its_cpu_memory_and_page_faults()
    {
        if (!OperatingSystem.IsLinux()) return; // getrusage and /proc: the command says so elsewhere
        var console = new TestConsole().Width(220);
        var errors = new StringWriter();
        var scenario = Path.Combine(RepoRoot.Scenarios, "base.yaml");
        Assert.Equal(0, WholeProcessBench.Execute(scenario, [2_000], [1], repeat: 1, seed: 3, console, errors));
        Assert.Equal("", errors.ToString());
        var row = Assert.Single(console.Lines, l => l.Contains("│ ") && l.Trim('│', ' ').StartsWith("2,000", StringComparison.Ordinal));
        var cells = row.Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("kept", cells[2]);
        // A .NET process takes tens of MB and thousands of page faults: the figures are the child's, not zeros.
        Assert.True(double.Parse(cells[^2], System.Globalization.CultureInfo.InvariantCulture) > 10, row);
        Assert.True(long.Parse(cells[^1], System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture) > 1_000, row);
        Assert.True(double.Parse(cells[4], System.Globalization.CultureInfo.InvariantCulture) > 0, row);
    }
}
