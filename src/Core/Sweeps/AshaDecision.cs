namespace TrainingService.Core.Sweeps;

/// <summary>What ASHA decided for a trial at a rung: stop it, or let it go on; <see cref="Cutoff"/> is null for the first at the rung.</summary>
public sealed record AshaDecision(bool Stop, double? Cutoff);
