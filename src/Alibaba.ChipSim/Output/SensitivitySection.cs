using System.Collections.Immutable;
using System.Text.Json;
using Alibaba.ChipSim.Statistics;
using Alibaba.ChipSim.Statistics.Sensitivity;

namespace Alibaba.ChipSim.Output;

/// <summary>
/// <c>sensitivity</c>: <c>{ method, inputs: [...], outputs: { metric: { count, rank_regression_r2, inputs: [{ input,
/// spearman, srrc, variance_share }] } } }</c>, inputs of each output ranked by |spearman|; null where undefined.
/// </summary>
internal sealed class SensitivitySection : ISummarySection
{
    public string Key => "sensitivity";

    public bool IsPresent(RunSummary summary) => summary.Sensitivity is not null;

    public void Write(Utf8JsonWriter writer, RunSummary summary)
    {
        var report = summary.Sensitivity!;
        writer.WriteStartObject();
        writer.WriteString("method", summary.Sensitivity!.Weighted ? SensitivityReport.WeightedMethod : SensitivityReport.Method);
        writer.WriteStartArray("inputs");
        foreach (var input in report.Inputs) writer.WriteStringValue(input);
        writer.WriteEndArray();
        writer.WriteStartObject("outputs");
        foreach (var output in report.Outputs)
        {
            writer.WriteStartObject(output.Output);
            writer.WriteNumber("count", output.Count);
            JsonNumbers.Write(writer, "rank_regression_r2", Defined(output.RankRegressionR2));
            writer.WriteStartArray("inputs");
            foreach (var i in output.Inputs)
            {
                writer.WriteStartObject();
                writer.WriteString("input", i.Input);
                JsonNumbers.Write(writer, "spearman", Defined(i.Spearman));
                JsonNumbers.Write(writer, "srrc", Defined(i.Srrc));
                JsonNumbers.Write(writer, "variance_share", Defined(i.VarianceShare));
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public RunSummary Read(JsonElement value, RunSummary summary)
    {
        if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty("inputs", out var inputs) || !value.TryGetProperty("outputs", out var outputs)
            || inputs.ValueKind != JsonValueKind.Array || outputs.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException("sensitivity: expected an object with an inputs array and an outputs object.");
        }
        var names = inputs.EnumerateArray().Select(e => e.GetString() ?? throw new InvalidDataException("sensitivity.inputs: expected strings.")).ToImmutableArray();
        var list = ImmutableArray.CreateBuilder<OutputSensitivity>();
        foreach (var output in outputs.EnumerateObject())
        {
            var path = "sensitivity.outputs." + output.Name;
            var o = output.Value;
            if (o.ValueKind != JsonValueKind.Object || !o.TryGetProperty("count", out var c) || !c.TryGetInt64(out var count)
                || !o.TryGetProperty("inputs", out var entries) || entries.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException($"{path}: expected an object with a whole-number count and an inputs array.");
            }
            var items = entries.EnumerateArray().Select(e => new InputSensitivity(
                e.TryGetProperty("input", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : throw new InvalidDataException($"{path}.inputs: each entry needs an input name."),
                JsonNumbers.Read(e, "spearman", path) ?? double.NaN,
                JsonNumbers.Read(e, "srrc", path) ?? double.NaN,
                JsonNumbers.Read(e, "variance_share", path) ?? double.NaN)).ToImmutableArray();
            list.Add(new OutputSensitivity(output.Name, count, JsonNumbers.Read(o, "rank_regression_r2", path) ?? double.NaN, items));
        }
        var weighted = value.TryGetProperty("method", out var method) && method.ValueKind == JsonValueKind.String
            && method.GetString() == SensitivityReport.WeightedMethod;
        return summary with { Sensitivity = new SensitivityReport(names, list.ToImmutable()) { Weighted = weighted } };
    }

    private static double? Defined(double v) => double.IsNaN(v) ? null : v;
}
