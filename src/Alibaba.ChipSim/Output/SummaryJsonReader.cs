using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Alibaba.ChipSim.Statistics;

namespace Alibaba.ChipSim.Output;

/// <summary>
/// Reads a <c>summary.json</c> back into a <see cref="RunSummary"/>. Unknown top-level keys are ignored (a newer
/// engine may add sections); a malformed file throws <see cref="InvalidDataException"/> naming the file and key.
/// </summary>
public static class SummaryJsonReader
{
    /// <summary>The largest summary or snapshot file read (a summary of every metric is well under 1 MiB).</summary>
    public const long MaxBytes = 64L << 20;

    /// <summary>Reads a summary file, or the <c>summary.json</c> inside a run folder.</summary>
    public static RunSummary ReadFile(string path)
    {
        if (Directory.Exists(path)) path = Path.Combine(path, "summary.json");
        var bytes = Scenarios.InputFile.ReadAllBytes(path, MaxBytes, out var problem) ?? throw new InvalidDataException(problem);
        return Read(new MemoryStream(bytes), path);
    }

    public static RunSummary Parse(string json, string source = "<summary>") =>
        Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), source);

    /// <summary>Reads one summary; <paramref name="source"/> names the file in error messages.</summary>
    public static RunSummary Read(Stream stream, string source)
    {
        try
        {
            using var document = JsonDocument.Parse(stream);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new InvalidDataException("expected a JSON object at the top level.");
            var summary = new RunSummary(
                RequiredString(root, "scenario"),
                RequiredString(root, "scenario_sha256"),
                Required(root, "seed").TryGetUInt64(out var seed) ? seed : throw new InvalidDataException("seed: expected a whole number ≥ 0."),
                Required(root, "trials").TryGetInt64(out var trials) ? trials : throw new InvalidDataException("trials: expected a whole number."),
                RequiredString(root, "engine"),
                ImmutableArray<MetricEntry>.Empty,
                ImmutableArray<QuarterSummary>.Empty);
            if (!root.TryGetProperty("metrics", out _)) throw new InvalidDataException("metrics: missing.");
            foreach (var section in SummarySections.All)
            {
                if (root.TryGetProperty(section.Key, out var value)) summary = section.Read(value, summary);
            }
            return summary;
        }
        catch (JsonException e)
        {
            // The exception's message quotes the offending text: name the place only.
            throw new InvalidDataException($"{source}:{e.LineNumber + 1}:{e.BytePositionInLine + 1}: not valid JSON", e);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{source}: {e.Message}", e);
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidDataException($"{source}: {e.Message}", e);
        }
    }

    private static JsonElement Required(JsonElement root, string key) =>
        root.TryGetProperty(key, out var value) ? value : throw new InvalidDataException($"{key}: missing.");

    private static string RequiredString(JsonElement root, string key)
    {
        var value = Required(root, key);
        return value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new InvalidDataException($"{key}: expected a string.");
    }
}
