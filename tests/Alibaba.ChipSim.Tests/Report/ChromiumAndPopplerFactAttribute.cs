namespace Alibaba.ChipSim.Tests.Report;

/// <summary>A fact that is skipped, with a message saying why, when Chromium or poppler-utils is not installed.</summary>
public sealed class ChromiumAndPopplerFactAttribute : FactAttribute
{
    public ChromiumAndPopplerFactAttribute()
    {
        if (!File.Exists(HeadlessChromium.Path))
            Skip = $"Chromium not found at {HeadlessChromium.Path}: install Debian's 'chromium' package (bash .ci/run does) to run the print test.";
        else if (!Poppler.Installed)
            Skip = $"pdftotext, pdftoppm or pdfinfo not found in /usr/bin: install Debian's 'poppler-utils' package to run the print test.";
    }
}
