using TrainingService.Core.Jobs;

namespace TrainingService.Core.Persistence;

/// <summary>
/// The lease a worker holds on a job while it trains it; writes of the run are conditional on
/// <see cref="RunId"/>. <see cref="ResumeFrom"/> is the training checkpoint the run continues from, if any.
/// </summary>
public sealed record JobRun(Guid JobId, Guid RunId, int Attempt, string WorkerName, TrainingJobSpec Spec, JobResolution? Resolution,
    CheckpointRecord? ResumeFrom);
