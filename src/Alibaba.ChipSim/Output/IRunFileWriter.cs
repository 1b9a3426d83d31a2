using Alibaba.ChipSim.Engine;
using Alibaba.ChipSim.Statistics;

namespace Alibaba.ChipSim.Output;

/// <summary>One file of a run's output folder. Register new ones in <see cref="RunFileWriters.All"/>.</summary>
public interface IRunFileWriter
{
    /// <summary>The file name inside the output folder, e.g. <c>trials.csv</c>.</summary>
    string FileName { get; }

    /// <summary>The format flag that selects this file.</summary>
    OutputFormats Format { get; }

    /// <summary>Writes the whole file to <paramref name="stream"/>; throws <see cref="OperationCanceledException"/> when cancelled.</summary>
    void Write(Stream stream, SimulationResult result, RunSummary summary, CancellationToken cancellationToken);
}
