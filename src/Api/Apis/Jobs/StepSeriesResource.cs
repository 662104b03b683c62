namespace TrainingService.Api.Apis.Jobs;

/// <summary>Per-step training loss: how many steps the job has recorded, and the requested range in at most maxPoints buckets.</summary>
public sealed record StepSeriesResource(long TotalSteps, long From, long To, IReadOnlyList<StepPointResource> Points);
