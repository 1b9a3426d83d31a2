namespace Alibaba.ChipSim.Scenarios.Yaml;

/// <summary>
/// A two-line document read by the scenario reader, so that a process can pay the YAML parser's first-use costs (its
/// static tables, a compiled regular expression, the JIT of its generic code) on a spare core while it parses its
/// command line (docs/performance.md, "Start-up and tiering"). It reads no file and reports nothing.
/// </summary>
public static class YamlWarmUp
{
    /// <summary>Reads the document; true when it parsed (it always should: the text is fixed).</summary>
    public static bool Parse() => YamlTreeReader.Read("warm-up: 1\nlist: [a, b]\n", "warm-up.yaml", new DiagnosticBag()) is not null;
}
