namespace Alibaba.ChipSim.Tests.Report;

/// <summary>A theory that is skipped, with a message saying why, when Chromium is not installed.</summary>
public sealed class ChromiumTheoryAttribute : TheoryAttribute
{
    public ChromiumTheoryAttribute()
    {
        if (!File.Exists(HeadlessChromium.Path))
            Skip = $"Chromium not found at {HeadlessChromium.Path}: install Debian's 'chromium' package (bash .ci/run does) to run the browser test.";
    }
}
