using System.Reflection;
using System.Runtime.CompilerServices;

namespace Alibaba.ChipSim.Engine;

/// <summary>
/// Compiles the trial loop ahead of its first call, so that a command can have it done on an idle core while it reads
/// and checks the scenario (docs/performance.md, "Start-up and tiering").
/// </summary>
/// <remarks>
/// The trial loop's methods carry <c>[MethodImpl(HotPath.Optimised)]</c>: the JIT compiles them fully optimised, which in
/// a fresh process took about 60 ms of the first trials' time. Each declaring class is initialised first, so that its static
/// readonly fields are constants to the compiler, as they are when the first call compiles the method. Nothing here runs a
/// trial or changes a number; a method compiled twice (by this and by a first call racing it) is the runtime's to settle.
/// </remarks>
public static class HotPathWarmUp
{
    /// <summary>The methods compiled fully optimised at their first call: every non-generic one in this assembly.</summary>
    public static IReadOnlyList<MethodInfo> Methods { get; } = Find();

    /// <summary>Compiles <see cref="Methods"/> now, on the calling thread; returns how many it compiled.</summary>
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2059", Justification = "Only a JIT-compiled process, which keeps every type and its static constructor, compiles ahead (Rendering/WarmUp.Useful).")]
    public static int Compile()
    {
        Type? initialised = null;
        foreach (var method in Methods)
        {
            if (method.DeclaringType != initialised)
            {
                initialised = method.DeclaringType!;
                RuntimeHelpers.RunClassConstructor(initialised.TypeHandle);
            }
            RuntimeHelpers.PrepareMethod(method.MethodHandle);
        }
        return Methods.Count;
    }

    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The CLI compiled ahead of time (Native AOT) has no JIT and never runs the warm-up (Rendering/WarmUp.Useful); a JIT-compiled process keeps every type.")]
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "As above: only a JIT-compiled process, which keeps every method, looks them up.")]
    private static MethodInfo[] Find()
    {
        const BindingFlags all = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        return
        [
            .. from type in typeof(HotPathWarmUp).Assembly.GetTypes()
               where !type.ContainsGenericParameters
               from method in type.GetMethods(all)
               where (method.MethodImplementationFlags & MethodImplAttributes.AggressiveOptimization) != 0
                     && !method.ContainsGenericParameters && !method.IsAbstract
               orderby type.FullName, method.MetadataToken
               select method,
        ];
    }
}
