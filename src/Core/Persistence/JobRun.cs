using TrainingService.Core.Jobs;

namespace TrainingService.Core.Persistence;

/// <summary>The lease a worker holds on a job while it trains it; writes of the run are conditional on <see cref="RunId"/>.</summary>
public sealed record JobRun(Guid JobId, Guid RunId, int Attempt, string WorkerName, TrainingJobSpec Spec);
