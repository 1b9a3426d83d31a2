using System.Text;
using Alibaba.ChipSim.Distributions;
using Alibaba.ChipSim.Scenarios;
using Alibaba.ChipSim.Tests.Support;
using CsCheck;

namespace Alibaba.ChipSim.Tests.Scenarios;

/// <summary>
/// Property: whatever is done to a valid scenario's text (keys and lines deleted, types swapped,
/// garbage inserted, nesting deepened, numbers blown up), the loader returns a result and never throws,
/// whichever section is hit (the seed text holds every section, correlations included). No wall-clock limit:
/// a hang shows as the test run's own timeout, not as a flaky assertion. CsCheck prints the seed of any failing case.
/// </summary>
public sealed class LoaderRobustnessTests
{
    /// <summary>One edit: <see cref="Kind"/> selects what, the other numbers where and with what.</summary>
    public sealed record Mutation(int Kind, int Position, int Length, int Choice);

    private static readonly string[] Replacements =
    [
        "[]", "{}", "~", "-1", "0", "1e999", "-1e999", "99999999999999999999999999", "\"x\"", "abc", "{ dist: normal }",
        "[1, [2, [3]]]", ".nan", ".inf", "0x10", "true", "2026-13", "{ dist: discrete, values: [], weights: [] }",
        "{ dist: uniform-int, min: 1e300, max: 1e301 }", "{ dist: lognormal, mean: 1e-300, sd: 1e300 }", "*missing",
        "&a [*a]", "!!binary AAAA", "|\n  text", "? x", "extends: self.yaml", "{ dist: pert, min: 0, mode: 0, max: 0, low: 0, high: 0 }",
        "{ dist: normal, mean: 0, sd: 1e-320, low: 0, high: 1e-320 }", "{ dist: beta, alpha: 1e-300, beta: 1e300 }",
    ];

    private static readonly string Garbage = "\t\r\n\u0001\u0007\u001b\u007f\u00a0\u2028\ufeff\uffff{}[]:,&*!|>%@`'\"#-?~\\😀";

    private static readonly Gen<Mutation[]> Mutations =
        Gen.Select(Gen.Int[0, 9], Gen.Int[0, int.MaxValue], Gen.Int[0, 80], Gen.Int[0, int.MaxValue], (k, p, l, c) => new Mutation(k, p, l, c)).Array[1, 5];

    public static string Apply(string text, Mutation m)
    {
        var lines = text.Split('\n').ToList();
        var pos = text.Length == 0 ? 0 : m.Position % text.Length;
        var line = m.Position % Math.Max(lines.Count, 1);
        switch (m.Kind)
        {
            case 0: // delete a line (often a key)
                if (lines.Count > 0) lines.RemoveAt(line);
                return string.Join('\n', lines);
            case 1: // delete a run of characters
                return text.Remove(pos, Math.Min(m.Length, text.Length - pos));
            case 2: // duplicate a line (duplicate keys)
                if (lines.Count > 0) lines.Insert(line, lines[line]);
                return string.Join('\n', lines);
            case 3: // swap the type of a value
            {
                if (lines.Count == 0) return text;
                var colon = lines[line].IndexOf(": ", StringComparison.Ordinal);
                var value = Replacements[m.Choice % Replacements.Length];
                lines[line] = colon < 0 ? value : lines[line][..(colon + 2)] + value;
                return string.Join('\n', lines);
            }
            case 4: // garbage characters
            {
                var sb = new StringBuilder();
                for (var i = 0; i < 1 + m.Length % 8; i++) sb.Append(Garbage[(m.Choice + i * 7) % Garbage.Length]);
                return text.Insert(pos, sb.ToString());
            }
            case 5: // deep nesting
            {
                var depth = 1 + m.Choice % 5000;
                var open = m.Choice % 2 == 0 ? "[" : "{a: ";
                return text.Insert(pos, string.Concat(Enumerable.Repeat(open, depth)));
            }
            case 6: // huge or odd numbers in place of a digit
                for (var i = pos; i < text.Length; i++)
                    if (char.IsAsciiDigit(text[i]))
                        return text[..i] + new string('9', 20 + m.Length * 10) + text[(i + 1)..];
                return text;
            case 7: // swap two lines (indentation breaks)
            {
                if (lines.Count < 2) return text;
                var other = m.Choice % lines.Count;
                (lines[line], lines[other]) = (lines[other], lines[line]);
                return string.Join('\n', lines);
            }
            case 8: // cut the file short
                return text[..pos];
            default: // re-indent a line
                if (lines.Count > 0) lines[line] = new string(' ', m.Length % 7) + lines[line].TrimStart();
                return string.Join('\n', lines);
        }
    }

    /// <summary>CHIPSIM_FUZZ_ITER raises the iteration count for a longer local run.</summary>
    private static long Iterations(long usual) =>
        long.TryParse(Environment.GetEnvironmentVariable("CHIPSIM_FUZZ_ITER"), out var n) && n > 0 ? n : usual;

    private static void LoadsWithoutThrowing(Func<ScenarioLoadResult> load)
    {
        var result = load();
        Assert.True(result.Succeeded || result.Errors.Any(), "a failed load must say why");
        Assert.All(result.Diagnostics, d => Assert.False(string.IsNullOrWhiteSpace(d.Message)));
        if (result.Succeeded) EveryParameterSamplesFinitely(result.Scenario);
    }

    /// <summary>What the loader accepts, the engine can draw: finite values inside the support.</summary>
    private static void EveryParameterSamplesFinitely(Scenario scenario)
    {
        foreach (var p in scenario.AllParameters())
        {
            var compiled = CompiledDistribution.Compile(p.Distribution);
            var (lo, hi) = CompiledDistribution.SupportOf(p.Distribution);
            foreach (var u in (double[])[1e-9, 0.001, 0.5, 0.999, 1 - 1e-9])
            {
                var x = compiled.Sample(u);
                Assert.True(double.IsFinite(x) && x >= lo - 1e-9 * Math.Abs(lo) && x <= hi + 1e-9 * Math.Abs(hi),
                    $"{p.Path} = {p.Distribution} gives {x} at u = {u}, outside [{lo}, {hi}]");
            }
        }
    }

    [Fact]
    public void Randomly_mutated_scenarios_never_make_the_loader_throw_or_hang()
    {
        Mutations.Sample(ms =>
        {
            var text = ms.Aggregate(ScenarioTexts.EverySection, Apply);
            LoadsWithoutThrowing(() => ScenarioLoader.LoadText(text, "mutant.yaml"));
        }, iter: Iterations(1500));
    }

    [Fact]
    public void The_fuzzer_seed_holds_every_section_of_the_format_and_loads()
    {
        var result = ScenarioLoader.LoadText(ScenarioTexts.EverySection, "seed.yaml");

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        foreach (var key in Alibaba.ChipSim.Scenarios.Validation.ScenarioKeys.Root.Keys.Where(k => k.Name != "extends"))
            Assert.Contains("\n" + key.Name + ":", "\n" + ScenarioTexts.EverySection);
        foreach (var nested in (string[])["buyer_cap_chips:", "useful_life_months:", "discount_rate_yoy:", "seasonality:", "quarter_noise:"])
            Assert.Contains(nested, ScenarioTexts.EverySection);
    }

    [Fact]
    public void Random_bytes_in_a_file_never_make_the_loader_throw_or_hang()
    {
        using var dir = new TempFolder();
        var original = Encoding.UTF8.GetBytes(ScenarioTexts.EverySection);
        Gen.Select(Gen.Int[0, original.Length - 1], Gen.Byte.Array[1, 16]).Sample((at, junk) =>
        {
            var file = Path.Combine(dir.Path, Guid.NewGuid().ToString("N") + ".yaml");
            File.WriteAllBytes(file, [.. original.AsSpan(0, at), .. junk, .. original.AsSpan(at)]);
            LoadsWithoutThrowing(() => ScenarioLoader.Load(file));
        }, iter: Iterations(300), threads: 1);
    }

    [Fact]
    public void The_mutations_really_break_scenarios()
    {
        // Guards the property above against mutations that change nothing: most mutants must fail to load.
        var failed = 0;
        Mutations.Sample(ms =>
        {
            var text = ms.Aggregate(ScenarioTexts.EverySection, Apply);
            if (!ScenarioLoader.LoadText(text, "mutant.yaml").Succeeded) Interlocked.Increment(ref failed);
        }, iter: 200, threads: 1, seed: "0N0XIzNsQ0O2");
        Assert.True(failed >= 100, $"only {failed} of 200 mutants failed to load");
    }

    [Theory]
    [InlineData("{ dist: triangular, min: 1, mode: 1, max: 1, low: 0, high: 2 }")]
    [InlineData("{ dist: uniform, min: 1, max: 1, low: 0, high: 2 }")]
    [InlineData("{ dist: pert, min: 1, mode: 1, max: 1, low: 0.5, high: 2 }")]
    [InlineData("{ dist: beta, alpha: 1e-300, beta: 1e300, low: 0.1 }")]
    [InlineData("{ dist: normal, mean: 0, sd: 1e-320, low: -1, high: 1 }")]
    [InlineData("{ dist: lognormal, mu: 800, sigma: 1e-300, low: 1, high: 2 }")]
    [InlineData("{ dist: lognormal, mean: 1e-300, sd: 1e300, high: 1e308 }")]
    [InlineData("{ dist: pert, min: 0, mode: 1e308, max: 1e308, lambda: 1e308, low: 1 }")]
    [InlineData("{ dist: discrete, values: [1e308, -1e308], weights: [1e308, 1e308] }")]
    [InlineData("{ dist: uniform-int, min: -9007199254740992, max: 9007199254740992 }")]
    [InlineData("{ dist: uniform, min: -1e308, max: 1e308 }")]
    [InlineData("{ dist: triangular, min: -1e308, mode: 0, max: 1e308, low: -1, high: 1 }")]
    public void Degenerate_or_extreme_distributions_give_a_result_not_an_exception(string distribution)
    {
        var text = ScenarioTexts.SpecExample.Replace("{ dist: normal, mean: 0.12, sd: 0.04, low: -0.5 }", distribution);
        Assert.NotEqual(ScenarioTexts.SpecExample, text);

        LoadsWithoutThrowing(() => ScenarioLoader.LoadText(text, "extreme.yaml"));
    }
}
