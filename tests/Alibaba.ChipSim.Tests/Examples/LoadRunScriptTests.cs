using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Output;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Statistics;
using Alibaba.ChipSim.Tests.Support;

namespace Alibaba.ChipSim.Tests.Examples;

/// <summary>examples/load_run.py and load_run.R reproduce summary.json's headline numbers from a real run folder.</summary>
public sealed class LoadRunScriptTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);
    private readonly TempFolder _dir = new();

    public LoadRunScriptTests()
    {
        var scenario = ScenarioLoader.Load(Path.Combine(RepoRoot.Scenarios, "base.yaml")).Scenario!;
        var result = SimulationEngine.Run(scenario, new RunOptions { Trials = 5_000, Seed = 7 });
        RunOutputWriter.Write(_dir.Path, result, SummaryBuilder.Build(result), OutputFormats.Csv | OutputFormats.Parquet);
    }

    public void Dispose() => _dir.Dispose();

    private static string Script(string name) => Path.Combine(RepoRoot.Find(), "examples", name);

    [PythonPandasFact]
    public void The_python_example_reproduces_the_mean_the_probability_and_the_median()
    {
        var (exit, output) = ExampleInterpreters.Run(ExampleInterpreters.Python, [Script("load_run.py"), _dir.Path], Limit);

        Assert.True(exit == 0, output);
        Assert.Equal(3, output.Split('\n').Count(l => l.StartsWith("ok ", StringComparison.Ordinal)));
    }

    [PythonPandasFact]
    public void The_python_example_exits_1_when_summary_json_disagrees_with_the_trials()
    {
        var path = Path.Combine(_dir.Path, "summary.json");
        var json = File.ReadAllText(path);
        var p50 = System.Text.RegularExpressions.Regex.Match(json, "\"roi\": \\{[^}]*\"p50\": ([^,]+),").Groups[1].Value;
        File.WriteAllText(path, json.Replace($"\"p50\": {p50},", "\"p50\": 123.5,", StringComparison.Ordinal));

        var (exit, output) = ExampleInterpreters.Run(ExampleInterpreters.Python, [Script("load_run.py"), _dir.Path], Limit);

        Assert.True(exit == 1, output);
        Assert.Contains("MISMATCH p50 of roi", output);
    }

    [RscriptFact]
    public void The_r_example_reproduces_the_mean_the_probability_and_the_median()
    {
        var (exit, output) = ExampleInterpreters.Run(ExampleInterpreters.Rscript.Value!, [Script("load_run.R"), _dir.Path], Limit);

        Assert.True(exit == 0, output);
        Assert.Equal(3, output.Split('\n').Count(l => l.StartsWith("ok ", StringComparison.Ordinal)));
    }
}
