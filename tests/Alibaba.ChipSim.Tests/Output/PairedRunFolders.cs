using Alibaba.ChipSim.Tests.Support;

namespace Alibaba.ChipSim.Tests.Output;

/// <summary>
/// Two hand-made run folders of 4 trials (seed 7) with worked numbers:
/// <list type="bullet">
/// <item><c>x</c>: d = 1, 2, 3, 4: mean 2.5, sd √(5/3) = 1.2910, se = sd/√4 = 0.64550, z = 2.5/0.64550 = 3.8730; 4 trials changed.</item>
/// <item><c>c</c>: d = 5 in every trial: sd 0, a certain move (z = +∞).</item>
/// <item><c>flag</c> (0/1): 0→1 in trial 0, 1→0 in trial 3: McNemar z = (1 − 1)/√2 = 0; 2 trials changed.</item>
/// <item><c>roi</c>: undefined in trial 1 on both sides, otherwise equal: 3 pairs, identical in every trial.</item>
/// <item><c>washington_final</c>: the same states: identical in every trial.</item>
/// </list>
/// The summaries give the unpaired test: x 25 ± 6.455 against 27.5 ± 7.100, z = 2.5/√(6.455² + 7.1²) = 0.2606.
/// </summary>
internal sealed class PairedRunFolders : IDisposable
{
    private readonly TempFolder _root = new();

    public PairedRunFolders(ulong seedB = 7, string? trialsB = null)
    {
        Write("a", """
            trial,x,c,flag,roi,washington_final
            0,10,1,0,1.5,licensed
            1,20,2,1,,licensed
            2,30,3,0,2,rescinded
            3,40,4,1,3,licensed

            """, Summary(7, 25, 6.455, 2.5, 0.5, "0.75", "0.25"));
        Write("b", trialsB ?? """
            trial,x,c,flag,roi,washington_final
            0,11,6,1,1.5,licensed
            1,22,7,1,,licensed
            2,33,8,0,2,rescinded
            3,44,9,0,3,licensed

            """, Summary(seedB, 27.5, 7.1, 7.5, 0.5, "0.75", "0.25"));
    }

    public string A => _root.File("a");

    public string B => _root.File("b");

    private static string Summary(ulong seed, double x, double xSe, double c, double flag, string licensed, string rescinded) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $$"""
            { "scenario": "hand", "scenario_sha256": "0", "seed": {{seed}}, "trials": 4, "engine": "chipsim test", "metrics": {
              "x": { "count": 4, "mean": {{x}}, "se": {{xSe}} },
              "c": { "count": 4, "mean": {{c}}, "se": 0.6455 },
              "flag": { "count": 4, "mean": {{flag}}, "se": 0.2887, "probability": {{flag}} },
              "roi": { "count": 3, "mean": 2.1667, "se": 0.441 },
              "washington_final": { "shares": { "licensed": {{licensed}}, "rescinded": {{rescinded}} } } } }
            """);

    private void Write(string name, string trials, string summary)
    {
        var dir = _root.File(name);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "trials.csv"), trials.ReplaceLineEndings("\n"));
        File.WriteAllText(Path.Combine(dir, "summary.json"), summary);
    }

    public void Dispose() => _root.Dispose();
}
