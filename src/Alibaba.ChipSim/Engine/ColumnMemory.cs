namespace Alibaba.ChipSim.Engine;

/// <summary>
/// Allocates the per-trial columns. Every row of every column is written by the engine, so the arrays
/// need not be zeroed first. The first allocation asks for transparent huge pages on the managed heap where they
/// help (<see cref="ManagedHeapHugePages"/>): a million-trial run faults in ~600 MB of columns.
/// </summary>
internal static class ColumnMemory
{
    static ColumnMemory() => ManagedHeapHugePages.Advise();

    public static double[] Doubles(int rows) => GC.AllocateUninitializedArray<double>(rows);

    public static byte[] Bytes(int rows) => GC.AllocateUninitializedArray<byte>(rows);
}
