using Alibaba.ChipSim.Tests.Support;

namespace Alibaba.ChipSim.Tests.Statistics.Streaming;

/// <summary>
/// The engine and the statistics run their eight-lane vector paths (the actors' uniforms, the windows' bounds, the blocks'
/// sums) where the processor has 512-bit vectors or 256-bit ones (<c>HotPath.EightLanes</c>), and scalar code elsewhere:
/// all give the same bits. Checked by running the CLI as the machine allows, with the runtime told not to use AVX-512
/// (<c>DOTNET_EnableAVX512F=0</c>: 256-bit halves where the processor has AVX2), and with no vector instructions at all
/// (<c>DOTNET_EnableHWIntrinsic=0</c>: the scalar paths).
/// </summary>
public sealed class VectorWidthTests
{
    private static byte[] Summary(string folder, string? variable, params string[] extra) =>
        CliSummary.Run(folder, 30000, 5, variable is null ? null : new Dictionary<string, string> { [variable] = "0" },
            ["--threads", "2", .. extra]);

    [Theory]
    [InlineData(false, "DOTNET_EnableAVX512F")]
    [InlineData(true, "DOTNET_EnableAVX512F")]
    [InlineData(false, "DOTNET_EnableHWIntrinsic")]
    [InlineData(true, "DOTNET_EnableHWIntrinsic")]
    public void A_run_on_narrower_vectors_or_none_writes_the_same_summary(bool streamed, string switchedOff)
    {
        using var temp = new TempFolder();
        string[] extra = streamed ? ["--stream-above", "1"] : [];
        var asTheMachineAllows = Summary(temp.File("default"), null, extra);
        var narrower = Summary(temp.File("narrower"), switchedOff, extra);
        Assert.Equal(asTheMachineAllows, narrower);
    }
}
