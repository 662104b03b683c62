using TrainingService.Core.Jobs;

namespace TrainingService.Core.Training;

/// <summary>One run of a job: its spec and stored resolution, which attempt this is, and the training checkpoint to continue from.</summary>
/// <param name="ResumeFrom">The full path of the training checkpoint to continue from; null starts afresh.</param>
public sealed record TrainingRequest(Guid JobId, int Attempt, TrainingJobSpec Spec, JobResolution? Resolution, string? ResumeFrom);
