namespace TrainingService.Contracts.Jobs;

/// <summary>
/// One bucket of <see cref="Count"/> consecutive steps starting at <see cref="Step"/>: the mean loss and its extremes,
/// so spikes stay visible. The count lets a reader merge buckets into wider ones without reading the steps again.
/// </summary>
public sealed record StepPointResource(long Step, float Mean, float Min, float Max, long Count);
