namespace Alibaba.ChipSim.Scenarios.History;

/// <summary>Modules shipped to China over the months <see cref="From"/>…<see cref="To"/> (inclusive): between <see cref="MinModules"/> and <see cref="MaxModules"/> (equal for an exact count).</summary>
public sealed record ShipmentObservation(Month From, Month To, long MinModules, long MaxModules, SourceLocation Location);
