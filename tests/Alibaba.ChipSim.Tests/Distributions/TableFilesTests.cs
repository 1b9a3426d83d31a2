using Alibaba.ChipSim.Distributions;
using Alibaba.ChipSim.Tests.Support;

namespace Alibaba.ChipSim.Tests.Distributions;

/// <summary>
/// The quantile tables kept on disk between processes (<see cref="TableFiles"/>): a table read back is the computed
/// table bit for bit, a file that does not check out is never used, and a run gives the same summary with or without them.
/// </summary>
public sealed class TableFilesTests
{
    private const double Alpha = 2.718281828459045, Beta = 4.1;

    private static void SameBits(QuantileTable expected, QuantileTable actual)
    {
        Assert.Equal(expected.Parts.Count, actual.Parts.Count);
        for (var i = 0; i < expected.Parts.Count; i++)
            Assert.Equal(expected.Parts[i].Select(BitConverter.DoubleToUInt64Bits), actual.Parts[i].Select(BitConverter.DoubleToUInt64Bits));
    }

    private static int[] Lengths => QuantileTable.Build(1, 1).Parts.Select(p => p.Length).ToArray();

    [Fact]
    public void A_table_read_back_from_its_file_is_the_computed_table_bit_for_bit()
    {
        using var temp = new TempFolder();
        var computed = QuantileTable.Build(Alpha, Beta);
        var first = QuantileTable.Load(Alpha, Beta, temp.Path);
        SameBits(computed, first);
        var file = TableFiles.PathOf(temp.Path, Alpha, Beta);
        Assert.True(File.Exists(file));
        Assert.Equal([Path.GetFileName(file)], Directory.GetFiles(temp.Path).Select(Path.GetFileName));
        Assert.NotNull(TableFiles.TryRead(temp.Path, Alpha, Beta, Lengths));
        var written = File.GetLastWriteTimeUtc(file);
        var read = QuantileTable.Load(Alpha, Beta, temp.Path);
        SameBits(computed, read);
        Assert.Equal(written, File.GetLastWriteTimeUtc(file)); // read, not written again
        foreach (var u in new[] { 1e-9, 1e-4, 0.3, 0.5, 0.97, 1 - 1e-7 })
            Assert.Equal(BitConverter.DoubleToUInt64Bits(computed.Quantile(u)), BitConverter.DoubleToUInt64Bits(read.Quantile(u)));
    }

    [Theory]
    [InlineData("flip a knot")]
    [InlineData("flip the hash")]
    [InlineData("truncate")]
    [InlineData("append")]
    [InlineData("empty")]
    public void A_damaged_file_is_not_used_and_is_written_again(string damage)
    {
        using var temp = new TempFolder();
        QuantileTable.Load(Alpha, Beta, temp.Path);
        var file = TableFiles.PathOf(temp.Path, Alpha, Beta);
        var bytes = File.ReadAllBytes(file);
        bytes = damage switch
        {
            "flip a knot" => Flip(bytes, bytes.Length / 2),
            "flip the hash" => Flip(bytes, bytes.Length - 1),
            "truncate" => bytes[..^9],
            "append" => [.. bytes, 0],
            _ => [],
        };
        File.WriteAllBytes(file, bytes);
        Assert.Null(TableFiles.TryRead(temp.Path, Alpha, Beta, Lengths));
        SameBits(QuantileTable.Build(Alpha, Beta), QuantileTable.Load(Alpha, Beta, temp.Path));
        Assert.NotNull(TableFiles.TryRead(temp.Path, Alpha, Beta, Lengths));
    }

    private static byte[] Flip(byte[] bytes, int at)
    {
        bytes[at] ^= 0x01;
        return bytes;
    }

    [Fact]
    public void The_file_of_another_shape_under_this_shapes_name_is_not_used()
    {
        using var temp = new TempFolder();
        QuantileTable.Load(Alpha + 1, Beta, temp.Path);
        File.Move(TableFiles.PathOf(temp.Path, Alpha + 1, Beta), TableFiles.PathOf(temp.Path, Alpha, Beta));
        Assert.Null(TableFiles.TryRead(temp.Path, Alpha, Beta, Lengths));
        SameBits(QuantileTable.Build(Alpha, Beta), QuantileTable.Load(Alpha, Beta, temp.Path));
    }

    [Fact]
    public void A_folder_that_cannot_be_written_only_means_computing_the_table()
    {
        using var temp = new TempFolder();
        var notAFolder = Path.Combine(temp.Path, "a-file");
        File.WriteAllText(notAFolder, "x");
        Assert.False(TableFiles.Write(notAFolder, Alpha, Beta, QuantileTable.Build(Alpha, Beta).Parts));
        SameBits(QuantileTable.Build(Alpha, Beta), QuantileTable.Load(Alpha, Beta, notAFolder));
        Assert.Equal([notAFolder], Directory.GetFileSystemEntries(temp.Path));
    }

    [Theory]
    [InlineData("/srv/tables", null, "/root", "/srv/tables")]
    [InlineData("", "/x/cache", "/root", null)]
    [InlineData("off", "/x/cache", "/root", null)]
    [InlineData("OFF", null, null, null)]
    [InlineData(null, "/x/cache", "/root", "/x/cache/chipsim")]
    [InlineData(null, "relative", "/root", "/root/.cache/chipsim")]
    [InlineData(null, null, "/home/ana", "/home/ana/.cache/chipsim")]
    [InlineData(null, "", "", null)]
    [InlineData(null, null, null, null)]
    public void The_folder_comes_from_CHIPSIM_CACHE_DIR_then_XDG_CACHE_HOME_then_HOME(string? chosen, string? xdg, string? home, string? expected)
    {
        var variables = new Dictionary<string, string?> { ["CHIPSIM_CACHE_DIR"] = chosen, ["XDG_CACHE_HOME"] = xdg, ["HOME"] = home };
        Assert.Equal(expected, TableFiles.FolderFrom(name => variables.GetValueOrDefault(name)));
    }

    private static (byte[] Summary, string[] Tables) Run(string folder, string cache)
    {
        var summary = CliSummary.Run(folder, 20000, 9, new Dictionary<string, string> { ["CHIPSIM_CACHE_DIR"] = cache });
        var tables = Directory.Exists(cache) ? Directory.GetFiles(cache).Select(f => Path.GetFileName(f)).Order().ToArray() : [];
        return (summary, tables);
    }

    [Fact]
    public void A_run_writes_the_same_summary_without_table_files_computing_them_and_reading_them()
    {
        using var temp = new TempFolder();
        var cache = temp.File("tables");
        var without = Run(temp.File("off"), "off");
        var computing = Run(temp.File("computing"), cache);
        Assert.NotEmpty(computing.Tables);
        Assert.All(computing.Tables, t => Assert.Matches("^beta-[0-9a-f]{16}-[0-9a-f]{16}\\.table$", t));
        var reading = Run(temp.File("reading"), cache);
        Assert.Equal(computing.Tables, reading.Tables);
        Assert.Equal(without.Summary, computing.Summary);
        Assert.Equal(without.Summary, reading.Summary);
    }
}
