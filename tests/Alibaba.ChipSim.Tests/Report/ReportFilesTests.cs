using Alibaba.ChipSim.Report;

namespace Alibaba.ChipSim.Tests.Report;

public sealed class ReportFilesTests
{
    private static ReportDocument Small() =>
        new("<html></html>", [new ReportChart("a-chart", "A", "caption", [0x89, 0x50, 0x4E, 0x47], "<svg/>")]);

    [Fact]
    public void A_new_folder_gets_the_page_and_each_chart_as_png_and_svg_and_no_staging_folder_is_left()
    {
        var root = Directory.CreateTempSubdirectory("chipsim-files-").FullName;
        try
        {
            var written = ReportFiles.Write(Small(), Path.Combine(root, "out"));
            Assert.Equal(["report.html", "a-chart.png", "a-chart.svg"], written.Select(Path.GetFileName));
            Assert.Equal(["out"], Directory.GetFileSystemEntries(root).Select(Path.GetFileName));
            Assert.Equal("<svg/>", File.ReadAllText(Path.Combine(root, "out", "a-chart.svg")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void An_existing_folder_keeps_its_other_files_and_the_report_replaces_the_old_one()
    {
        var root = Directory.CreateTempSubdirectory("chipsim-files-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(root, "summary.json"), "{}");
            File.WriteAllText(Path.Combine(root, "report.html"), "old");
            ReportFiles.Write(Small(), root);
            Assert.Equal("{}", File.ReadAllText(Path.Combine(root, "summary.json")));
            Assert.Equal("<html></html>", File.ReadAllText(Path.Combine(root, "report.html")));
            Assert.Empty(Directory.GetDirectories(root));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
