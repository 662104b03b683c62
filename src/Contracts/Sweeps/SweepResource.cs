namespace TrainingService.Contracts.Sweeps;

/// <summary>A sweep as the Api shows it: its definition as validated (every default filled in), where it is, and its best trial so far.</summary>
public sealed record SweepResource(
    Guid Id,
    string Name,
    SweepStatus Status,
    string? StatusReason,
    string? Owner,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FinishedAt,
    SweepSubmission Definition,
    SweepTrialCounts Trials,
    SweepBestTrial? Best);

/// <summary>How many trials there are and where they are; <c>Stopped</c> counts the trials ASHA stopped (they are also cancelled).</summary>
public sealed record SweepTrialCounts(int Planned, int Created, int Queued, int Running, int Succeeded, int Stopped, int Cancelled, int Failed);

/// <summary>The trial with the best value of the sweep's metric at any epoch so far.</summary>
public sealed record SweepBestTrial(Guid JobId, int TrialNumber, double Value, int Epoch);
