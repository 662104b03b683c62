namespace TrainingService.Api.Apis.Jobs;

/// <summary>One bucket of steps starting at <see cref="Step"/>: the mean loss and its extremes, so spikes stay visible.</summary>
public sealed record StepPointResource(long Step, float Mean, float Min, float Max);
