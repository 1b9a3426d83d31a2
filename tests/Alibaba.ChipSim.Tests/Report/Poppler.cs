using System.Diagnostics;

namespace Alibaba.ChipSim.Tests.Report;

/// <summary>poppler-utils' pdftotext and pdftoppm, to read back a printed report: a page's text and how much ink it holds.</summary>
internal static class Poppler
{
    public const string PdfToText = "/usr/bin/pdftotext";
    public const string PdfToPpm = "/usr/bin/pdftoppm";

    public const string PdfInfo = "/usr/bin/pdfinfo";

    public static bool Installed => File.Exists(PdfToText) && File.Exists(PdfToPpm) && File.Exists(PdfInfo);

    /// <summary>pdfinfo's report: page count, page size ("… pts (A4)") and so on.</summary>
    public static string Info(string pdf) => Run(PdfInfo, pdf);

    /// <summary>The text of page <paramref name="page"/> (1-based), layout order.</summary>
    public static string Text(string pdf, int page) => Run(PdfToText, "-f", $"{page}", "-l", $"{page}", "-layout", pdf, "-");

    public static int Pages(string pdf)
    {
        // pdftotext separates pages with form feeds.
        return Run(PdfToText, pdf, "-").Split('\f').Length - 1;
    }

    /// <summary>
    /// Renders every page in grey at <paramref name="dpi"/> to <c>{prefix}-N.pgm</c> and returns, per page, the share of
    /// pixels darker than near-white: a page with only a title has well under 1%.
    /// </summary>
    public static IReadOnlyList<double> Ink(string pdf, string prefix, int dpi = 30)
    {
        Run(PdfToPpm, "-gray", "-r", $"{dpi}", pdf, prefix);
        var dir = Path.GetDirectoryName(Path.GetFullPath(prefix))!;
        var stem = Path.GetFileName(prefix);
        var files = Directory.GetFiles(dir, stem + "-*.pgm")
            .OrderBy(f => int.Parse(Path.GetFileNameWithoutExtension(f)[(stem.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        return files.Select(f => InkOf(File.ReadAllBytes(f))).ToList();
    }

    /// <summary>Also renders PNGs (for a person to look at); returns their paths.</summary>
    public static IReadOnlyList<string> Png(string pdf, string prefix, int dpi = 60)
    {
        Run(PdfToPpm, "-png", "-r", $"{dpi}", pdf, prefix);
        var dir = Path.GetDirectoryName(Path.GetFullPath(prefix))!;
        return Directory.GetFiles(dir, Path.GetFileName(prefix) + "-*.png").Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Binary PGM (P5, 8-bit): header "P5 width height 255" then one byte per pixel.</summary>
    private static double InkOf(byte[] pgm)
    {
        var fields = new List<string>();
        var i = 0;
        while (fields.Count < 4)
        {
            while (char.IsWhiteSpace((char)pgm[i])) i++;
            var start = i;
            while (!char.IsWhiteSpace((char)pgm[i])) i++;
            fields.Add(System.Text.Encoding.ASCII.GetString(pgm, start, i - start));
        }
        i++; // the one whitespace byte after maxval
        if (fields[0] != "P5" || fields[3] != "255") throw new InvalidDataException("not an 8-bit binary PGM");
        long dark = 0, total = pgm.Length - i;
        for (var k = i; k < pgm.Length; k++) if (pgm[k] < 200) dark++;
        return (double)dark / total;
    }

    private static string Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} did not finish");
        }
        if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} exited {process.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }
}
