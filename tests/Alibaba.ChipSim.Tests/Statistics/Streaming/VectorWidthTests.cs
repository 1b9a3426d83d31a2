using Alibaba.ChipSim.Tests.Support;

namespace Alibaba.ChipSim.Tests.Statistics.Streaming;

/// <summary>
/// The engine and the statistics use 512-bit vectors where the processor has them (the actors' uniforms, the windows'
/// bounds, the blocks' sums) and scalar code elsewhere: both give the same bits. Checked by running the CLI twice, once
/// with the runtime told not to use AVX-512 (<c>DOTNET_EnableAVX512F=0</c>).
/// </summary>
public sealed class VectorWidthTests
{
    private static byte[] Summary(string folder, bool withoutAvx512, params string[] extra) =>
        CliSummary.Run(folder, 30000, 5, withoutAvx512 ? new Dictionary<string, string> { ["DOTNET_EnableAVX512F"] = "0" } : null,
            ["--threads", "2", .. extra]);

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
