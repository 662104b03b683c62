using TrainingService.Contracts.Sweeps;
using TrainingService.Core.Persistence;

namespace TrainingService.Core.Sweeps;

/// <summary>A sweep as read for the Api: the row, its owner's name, where its trials are and its best trial so far.</summary>
public sealed record SweepView(SweepRecord Sweep, string? Owner, SweepTrialCounts Counts, SweepBestTrial? Best);

/// <summary>A trial as read for the Api: its job, its epochs' metrics, and the rung ASHA stopped it at (null: not stopped).</summary>
public sealed record TrialView(TrainingJob Job, IReadOnlyList<EpochMetricsRecord> Metrics, int? StoppedAtRung);

/// <summary>An ASHA decision with the trial number of its job.</summary>
public sealed record RungView(SweepRungRecord Rung, int TrialNumber);
