using TrainingService.Core.Jobs;

namespace TrainingService.Api.Apis;

/// <summary>A training job as the API shows it.</summary>
public sealed record JobResource(
    Guid Id,
    string Name,
    JobStatus Status,
    TrainingJobSpec Spec,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    int CurrentEpoch,
    int TotalEpochs,
    int Attempt,
    string? WorkerName,
    string? Error,
    int? StoppedEarlyAfterEpoch,
    JobResultResource? Result);
