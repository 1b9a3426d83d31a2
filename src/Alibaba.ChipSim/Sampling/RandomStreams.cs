using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Alibaba.ChipSim.Sampling;

/// <summary>
/// Counter-based randomness: every uniform is a pure function of (seed, trial, stream key, counter),
/// so results do not depend on threads or partitions, and two variants of a scenario that share a
/// parameter path or an actor name draw it identically (common random numbers).
/// </summary>
public static class RandomStreams
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;
    private const ulong TrialStride = 0xD1B54A32D192ED03UL;

    /// <summary>A stable 64-bit key for a stream name (a parameter path or an actor name): FNV-1a, then mixed.</summary>
    public static ulong KeyOf(string name)
    {
        var h = 14695981039346656037UL;
        foreach (var ch in name)
        {
            h ^= ch;
            h *= 1099511628211UL;
        }
        return Mix(h);
    }

    /// <summary>The hash of one trial under one seed; combine with a key through <see cref="StreamOf"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong TrialHash(ulong seed, long trial) => Mix(Mix(seed ^ Golden) + (ulong)trial * TrialStride);

    /// <summary>The state of the stream named by <paramref name="key"/> within a trial.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong StreamOf(ulong trialHash, ulong key) => Mix(trialHash ^ key);

    /// <summary>The <paramref name="counter"/>-th uniform of a stream, in the open interval (0, 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Uniform(ulong stream, int counter) => ToOpenUnit(Mix(stream + (ulong)(counter + 1) * Golden));

    /// <summary>One uniform in (0, 1) for (seed, trial, key, counter).</summary>
    public static double Uniform(ulong seed, long trial, ulong key, int counter) =>
        Uniform(StreamOf(TrialHash(seed, trial), key), counter);

    /// <summary>
    /// <paramref name="destination"/>[c] = <see cref="Uniform(ulong, int)"/>(<paramref name="stream"/>, c) for every c: the
    /// same bits, eight counters at a time where the processor has 512- or 256-bit vectors (<see cref="HotPath.EightLanes"/>; the hash is integer arithmetic and the
    /// conversion of a 53-bit integer to a double is exact, so the vector and scalar paths cannot differ).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimised)]
    public static void Uniforms(ulong stream, Span<double> destination)
    {
        var c = 0;
        if (HotPath.EightLanes && destination.Length >= Vector512<ulong>.Count)
        {
            var counters = Vector512.Create(1UL, 2, 3, 4, 5, 6, 7, 8);
            var step = Vector512.Create((ulong)Vector512<ulong>.Count);
            var golden = Vector512.Create(Golden);
            var start = Vector512.Create(stream);
            for (; c <= destination.Length - Vector512<ulong>.Count; c += Vector512<ulong>.Count)
            {
                OpenUnit(Mix(start + counters * golden)).CopyTo(destination[c..]);
                counters += step;
            }
        }
        for (; c < destination.Length; c++) destination[c] = Uniform(stream, c);
    }

    /// <summary>
    /// <see cref="Uniform(ulong, int)"/>(<see cref="StreamOf"/>(<paramref name="trialHash"/>, <paramref name="keys"/>[k]), 0) into
    /// <paramref name="destination"/>[k] for every k: the first uniform of each of a trial's streams, eight at a time where
    /// the processor has 512- or 256-bit vectors (the same bits: whole-number arithmetic, and one exact conversion).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimised)]
    public static void FirstUniforms(ulong trialHash, ReadOnlySpan<ulong> keys, Span<double> destination)
    {
        var k = 0;
        if (HotPath.EightLanes)
        {
            var hash = Vector512.Create(trialHash);
            var first = Vector512.Create(Golden); // counter 0: (0 + 1) × Golden
            for (; k <= keys.Length - Vector512<ulong>.Count; k += Vector512<ulong>.Count)
                OpenUnit(Mix(Mix(hash ^ Vector512.Create(keys[k..])) + first)).CopyTo(destination[k..]);
        }
        for (; k < keys.Length; k++) destination[k] = Uniform(StreamOf(trialHash, keys[k]), 0);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ToOpenUnit(ulong bits) => ((bits >> 11) + 0.5) * (1.0 / 9007199254740992.0);

    /// <summary>A strong 64-bit finaliser (Pelle Evensen's rrmxmx): every input bit affects every output bit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong v)
    {
        v ^= System.Numerics.BitOperations.RotateRight(v, 49) ^ System.Numerics.BitOperations.RotateRight(v, 24);
        v *= 0x9FB21C651E98DF25UL;
        v ^= v >> 28;
        v *= 0x9FB21C651E98DF25UL;
        return v ^ (v >> 28);
    }

    /// <summary><see cref="Mix(ulong)"/> lane by lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> Mix(Vector512<ulong> v)
    {
        var multiplier = Vector512.Create(0x9FB21C651E98DF25UL);
        v ^= (v >>> 49 | v << 15) ^ (v >>> 24 | v << 40);
        v *= multiplier;
        v ^= v >>> 28;
        v *= multiplier;
        return v ^ (v >>> 28);
    }

    /// <summary><see cref="ToOpenUnit"/> lane by lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> OpenUnit(Vector512<ulong> bits) =>
        (Vector512.ConvertToDouble(bits >>> 11) + Vector512.Create(0.5)) * Vector512.Create(1.0 / 9007199254740992.0);
}
