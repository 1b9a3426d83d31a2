using Alibaba.ChipSim.Statistics;

namespace Alibaba.ChipSim.Output.Shards;

/// <summary>Writes <c>summary.json</c> alone into a folder, atomically (a temporary name moved into place), for a merge that holds no columns.</summary>
public static class SummaryFile
{
    public static string Write(string directory, RunSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        Directory.CreateDirectory(directory);
        var final = Path.Combine(directory, "summary.json");
        var temporary = Path.Combine(directory, $".summary.json.{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                SummaryJsonWriter.Write(stream, summary);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, final, overwrite: true);
            return final;
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
