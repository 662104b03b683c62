namespace TrainingService.Api.Apis.Jobs;

/// <summary>
/// One run of a job by one worker: where it started (epochs complete and steps taken, for markers on
/// the curves) and when and why it ended (<c>crashed</c>, <c>lost-lease</c>, <c>drained</c>, <c>paused</c>,
/// <c>cancelled</c>, <c>finished</c>, <c>failed</c>; null while it runs).
/// </summary>
public sealed record AttemptResource(int Attempt, string Worker, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, string? Reason,
    int StartEpoch, long StartStep, string? Error);
