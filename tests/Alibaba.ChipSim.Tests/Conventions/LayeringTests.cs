using System.Reflection;
using System.Reflection.Emit;
using Alibaba.ChipSim.Scenarios;

namespace Alibaba.ChipSim.Tests.Conventions;

/// <summary>
/// The library's namespaces form layers along the data flow; a type may use its own layer and the layers before it,
/// never one after it. Checked on the compiled assembly: every type's signatures (base type, interfaces, fields,
/// properties, method parameters and returns) and every method body (the type and member tokens of its IL).
/// </summary>
public sealed class LayeringTests
{
    /// <summary>The order of the flow, lowest first. A namespace's layer is its first segment after <c>Alibaba.ChipSim</c>.</summary>
    public static readonly string[] Layers =
        ["Outcomes", "Distributions", "Scenarios", "Sampling", "Policy", "Model", "Engine", "Statistics", "Runs", "Output", "Snapshots", "Report"];

    private static readonly Assembly Library = typeof(Scenario).Assembly;

    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>The layer index of a library namespace; −1 for the root namespace (<c>EngineInfo</c>), usable by all.</summary>
    internal static int LayerOf(string? ns)
    {
        if (ns is null || !ns.StartsWith("Alibaba.ChipSim", StringComparison.Ordinal)) return int.MinValue;
        var parts = ns.Split('.');
        if (parts.Length == 2) return -1;
        // The report still lives at Output/Report (namespace Alibaba.ChipSim.Output.Report) until it moves to Report/.
        var name = parts[2] == "Output" && parts.Length > 3 && parts[3] == "Report" ? "Report" : parts[2];
        var i = Array.IndexOf(Layers, name);
        return i >= 0 ? i : throw new InvalidOperationException($"namespace {ns} is in no layer: add it to {nameof(Layers)}");
    }

    [Fact]
    public void Every_library_namespace_is_in_a_layer()
    {
        foreach (var t in Library.GetTypes())
            if (t.Namespace?.StartsWith("Alibaba.ChipSim", StringComparison.Ordinal) == true) LayerOf(t.Namespace);
    }

    [Fact]
    public void No_namespace_uses_a_later_one_in_the_flow()
    {
        var violations = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in Library.GetTypes())
        {
            var layer = LayerOf(type.Namespace);
            if (layer == int.MinValue) continue;
            foreach (var used in References(type))
            {
                var usedLayer = LayerOf(used.Namespace);
                if (usedLayer > layer) violations.Add($"{Outer(type).FullName} ({Layers[layer]}) uses {Outer(used).FullName} ({Layers[usedLayer]})");
            }
        }
        Assert.True(violations.Count == 0, "layering violations:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void The_scan_sees_a_reference_made_only_inside_a_method_body()
    {
        // RunPipeline names SimulationEngine only in a method body (no field, property or signature has it).
        Assert.Contains(References(typeof(Alibaba.ChipSim.Runs.RunPipeline)), t => t.FullName == "Alibaba.ChipSim.Engine.SimulationEngine");
    }

    private static Type Outer(Type t)
    {
        while (t.DeclaringType is { } d) t = d;
        return t;
    }

    internal static IEnumerable<Type> References(Type type)
    {
        var found = new HashSet<Type>();
        void Add(Type? t)
        {
            if (t is null) return;
            if (t.HasElementType) { Add(t.GetElementType()); return; }
            if (t.IsGenericParameter) return;
            if (t.IsGenericType && !t.IsGenericTypeDefinition)
            {
                foreach (var a in t.GetGenericArguments()) Add(a);
                Add(t.GetGenericTypeDefinition());
                return;
            }
            found.Add(t);
        }
        Add(type.BaseType);
        foreach (var i in type.GetInterfaces()) Add(i);
        foreach (var f in type.GetFields(Declared)) Add(f.FieldType);
        foreach (var p in type.GetProperties(Declared)) Add(p.PropertyType);
        foreach (var m in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            if (m is MethodInfo mi) Add(mi.ReturnType);
            foreach (var p in m.GetParameters()) Add(p.ParameterType);
            foreach (var t in BodyReferences(m)) Add(t);
        }
        return found;
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    /// <summary>The types named by the IL of a method body: type tokens, and the declaring types of field and method tokens.</summary>
    private static IEnumerable<Type> BodyReferences(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null) yield break;
        var module = method.Module;
        Type[]? typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        Type[]? methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            short value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            var op = OpCodesByValue[value];
            switch (op.OperandType)
            {
                case OperandType.InlineNone: break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar: i += 1; break;
                case OperandType.InlineVar: i += 2; break;
                case OperandType.InlineI8 or OperandType.InlineR: i += 8; break;
                case OperandType.InlineSwitch: i += 4 + 4 * BitConverter.ToInt32(il, i); break;
                case OperandType.InlineType or OperandType.InlineTok or OperandType.InlineField or OperandType.InlineMethod:
                    var token = BitConverter.ToInt32(il, i);
                    i += 4;
                    MemberInfo? member = null;
                    try { member = module.ResolveMember(token, typeArgs, methodArgs); }
                    catch (ArgumentException) { }
                    if (member is Type t) yield return t;
                    else if (member?.DeclaringType is { } declaring)
                    {
                        yield return declaring;
                        if (member is FieldInfo f) yield return f.FieldType;
                        if (member is MethodInfo m) yield return m.ReturnType;
                    }
                    break;
                default: i += 4; break; // InlineBrTarget, InlineI, InlineSig, InlineString, ShortInlineR
            }
        }
    }
}
