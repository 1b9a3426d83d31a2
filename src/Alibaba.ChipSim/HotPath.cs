using System.Runtime.CompilerServices;

namespace Alibaba.ChipSim;

/// <summary>
/// The method options of the trial loop's hot methods: <c>[MethodImpl(HotPath.Optimised)]</c> has the JIT compile
/// them fully optimised at their first call.
/// </summary>
/// <remarks>
/// Otherwise a fresh process runs them first as ahead-of-time (ReadyToRun) code, and the runtime only recompiles them
/// once start-up has been quiet for 100 ms and they have been called 30 times more: a million-trial run spent its
/// first ~0.1 s of simulation in that slower code (docs/performance.md, "Start-up and tiering"). Only the methods a
/// trial runs through carry it. The statistics do not: with it, a process that summarises many runs (a sweep, a
/// sensitivity analysis, <c>chipsim bench</c>) was measured slower, as code compiled before its class is initialised
/// cannot treat static readonly fields as constants, and a fresh process gained nothing measurable. The numbers do not
/// change: the same IEEE arithmetic either way.
/// </remarks>
internal static class HotPath
{
    public const MethodImplOptions Optimised = MethodImplOptions.AggressiveOptimization;
}
