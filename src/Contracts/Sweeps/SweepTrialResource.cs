using System.Text.Json;

namespace TrainingService.Contracts.Sweeps;

/// <summary>
/// One trial of a sweep: its job, the values it was given (by the sweep's parameter paths), and how far it got.
/// <c>Status</c> is the job's status as <c>GET /api/jobs/{id}</c> spells it.
/// </summary>
public sealed record SweepTrialResource(
    Guid JobId,
    int TrialNumber,
    string Status,
    string? StatusReason,
    IReadOnlyDictionary<string, JsonElement> Parameters,
    int EpochsCompleted,
    double? BestValue,
    int? BestEpoch,
    double? LastValue,
    double? TestAccuracy,
    bool StoppedByAsha,
    int? StoppedAtRung);
