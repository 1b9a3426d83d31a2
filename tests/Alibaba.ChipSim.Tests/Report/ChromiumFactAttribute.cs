namespace Alibaba.ChipSim.Tests.Report;

/// <summary>A fact that is skipped, with a message saying why, when Chromium is not installed.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!File.Exists(HeadlessChromium.Path))
            Skip = $"Chromium not found at {HeadlessChromium.Path}: install Debian's 'chromium' package (bash .ci/run does) to run the browser test.";
    }
}
