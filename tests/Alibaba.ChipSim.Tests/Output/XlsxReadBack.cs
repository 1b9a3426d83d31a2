using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Alibaba.ChipSim.Tests.Output;

/// <summary>Reads an .xlsx back with the Open XML SDK: each sheet by name, as rows of cell texts (numbers as written).</summary>
internal static class XlsxReadBack
{
    public static Dictionary<string, List<List<string?>>> Sheets(string path)
    {
        using var doc = SpreadsheetDocument.Open(path, false);
        var book = doc.WorkbookPart!;
        var shared = book.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var result = new Dictionary<string, List<List<string?>>>();
        foreach (var sheet in book.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)book.GetPartById(sheet.Id!);
            var rows = new List<List<string?>>();
            foreach (var row in part.Worksheet.Descendants<Row>())
            {
                var cells = new List<string?>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                    while (cells.Count < column) cells.Add(null);
                    cells.Add(Text(cell, shared));
                }
                rows.Add(cells);
            }
            result[sheet.Name!] = rows;
        }
        return result;
    }

    private static string? Text(Cell cell, List<string> shared)
    {
        if (cell.DataType?.Value == CellValues.InlineString) return cell.InlineString?.InnerText;
        if (cell.DataType?.Value == CellValues.SharedString) return shared[int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)];
        return cell.CellValue?.Text;
    }

    private static int? ColumnIndex(string? reference)
    {
        if (reference is null) return null;
        var n = 0;
        foreach (var c in reference)
        {
            if (!char.IsLetter(c)) break;
            n = n * 26 + (c - 'A' + 1);
        }
        return n - 1;
    }
}
