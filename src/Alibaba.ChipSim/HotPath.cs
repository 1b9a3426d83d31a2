using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Alibaba.ChipSim;

/// <summary>
/// The method options of the trial loop's hot methods: <c>[MethodImpl(HotPath.Optimised)]</c> has the JIT compile
/// them fully optimised at their first call.
/// </summary>
/// <remarks>
/// Otherwise a fresh process runs them first as ahead-of-time (ReadyToRun) code, and the runtime only recompiles them
/// once start-up has been quiet for 100 ms and they have been called 30 times more: a million-trial run spent its
/// first ~0.1 s of simulation in that slower code (docs/performance.md, "Start-up and tiering"). The methods a
/// trial runs through carry it, and so do the statistics' passes over a column (a million-trial run summarises ~70
/// columns, and ran the first thirty or so of them in the ahead-of-time code). A command that simulates compiles them all
/// on a spare core at start-up, after initialising their classes, so that their static readonly fields are constants to
/// the JIT (<see cref="Engine.HotPathWarmUp"/>). The numbers do not change: the same IEEE arithmetic either way.
/// </remarks>
internal static class HotPath
{
    public const MethodImplOptions Optimised = MethodImplOptions.AggressiveOptimization;

    /// <summary>
    /// Whether the vector paths written for eight lanes (512-bit vectors: the actors' uniforms and hazard compares, the
    /// blocks' sums, the streamed windows' scans) run: where the processor has AVX-512, and also where it has 256-bit
    /// vectors only (AVX2), for which the runtime carries each 512-bit vector as two 256-bit halves. Where neither, the
    /// scalar paths run. The bits are the same on every path: integer arithmetic, compares, exact conversions, and sums
    /// kept in eight lanes in the same order (docs/performance.md, "Vector width").
    /// </summary>
    public static bool EightLanes => Vector512.IsHardwareAccelerated || Vector256.IsHardwareAccelerated;
}
