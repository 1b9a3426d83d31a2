using System.Diagnostics;
using Alibaba.ChipSim.Tests.Support;

namespace Alibaba.ChipSim.Tests.Statistics.Streaming;

/// <summary>
/// The engine and the statistics use 512-bit vectors where the processor has them (the actors' uniforms, the windows'
/// bounds, the blocks' sums) and scalar code elsewhere: both give the same bits. Checked by running the CLI twice, once
/// with the runtime told not to use AVX-512 (<c>DOTNET_EnableAVX512F=0</c>).
/// </summary>
public sealed class VectorWidthTests
{
    private static byte[] Summary(string folder, bool withoutAvx512, params string[] extra)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "chipsim.dll"));
        foreach (var a in new[] { "run", Path.Combine(RepoRoot.Scenarios, "base.yaml"), "--trials", "30000", "--seed", "5", "--quiet",
                     "--threads", "2", "--out", folder, "--format", "json" }.Concat(extra))
            start.ArgumentList.Add(a);
        if (withoutAvx512) start.Environment["DOTNET_EnableAVX512F"] = "0";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, stderr.Result);
        return File.ReadAllBytes(Path.Combine(folder, "summary.json"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_run_without_512_bit_vectors_writes_the_same_summary(bool streamed)
    {
        using var temp = new TempFolder();
        string[] extra = streamed ? ["--stream-above", "1"] : [];
        var wide = Summary(temp.File("wide"), false, extra);
        var narrow = Summary(temp.File("narrow"), true, extra);
        Assert.Equal(wide, narrow);
    }
}
