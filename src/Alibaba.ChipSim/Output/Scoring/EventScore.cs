namespace Alibaba.ChipSim.Output.Scoring;

/// <summary>
/// One event against the run's forecast probability of it: the Brier score (p − o)² and the log score −ln p(outcome) in nats;
/// null, with a <see cref="Note"/> saying why, when the run cannot place the event.
/// </summary>
public sealed record EventScore(string Event, bool Happened, string? Description, double? Probability, double? Ess, double? Brier, double? LogScore, string? Note);
