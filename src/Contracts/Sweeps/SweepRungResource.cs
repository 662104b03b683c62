namespace TrainingService.Contracts.Sweeps;

/// <summary>One ASHA decision: a trial reached rung <c>Rung</c> (epoch <c>Epoch</c>) with <c>Value</c>, compared with <c>Cutoff</c> (null for the first at the rung).</summary>
public sealed record SweepRungResource(int Rung, int Epoch, Guid JobId, int TrialNumber, double Value, double? Cutoff, bool Stopped, DateTimeOffset RecordedAt);
