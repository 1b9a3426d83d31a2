using System.Globalization;
using System.Text.Json;

namespace Alibaba.ChipSim.Output;

/// <summary>
/// Doubles in summary JSON: shortest round-trip form (reparses bit for bit), null for an undefined statistic, and the
/// strings <c>"Infinity"</c>, <c>"-Infinity"</c>, <c>"NaN"</c> for non-finite values (JSON has no literal for them).
/// </summary>
internal static class JsonNumbers
{
    public static void Write(Utf8JsonWriter writer, string name, double? value)
    {
        writer.WritePropertyName(name);
        Write(writer, value);
    }

    public static void Write(Utf8JsonWriter writer, double? value)
    {
        if (value is not { } v) writer.WriteNullValue();
        else if (double.IsFinite(v)) writer.WriteNumberValue(v);
        else writer.WriteStringValue(v.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The property's value: null when absent or null.</summary>
    public static double? Read(JsonElement obj, string name, string path) =>
        obj.TryGetProperty(name, out var value) ? Read(value, path + "." + name) : null;

    public static double? Read(JsonElement value, string path) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && !double.IsFinite(v) => v,
        _ => throw new InvalidDataException($"{path}: expected a number or null, found {value.ValueKind}."),
    };
}
