namespace TrainingService.Web.Clients.Api;

/// <summary>One run of a job by one worker, from <c>GET /api/jobs/{id}/attempts</c>.</summary>
/// <param name="Reason">
/// Why it ended (<c>crashed</c>, <c>lost-lease</c>, <c>drained</c>, <c>paused</c>, <c>cancelled</c>,
/// <c>finished</c>, <c>failed</c>); <see langword="null"/> while it runs. A string, so a reason added later still reads.
/// </param>
/// <param name="StartEpoch">Epochs complete when it started.</param>
/// <param name="StartStep">Training steps taken when it started, i.e. the number of its first step.</param>
public sealed record AttemptDto(
    int Attempt,
    string Worker,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    string? Reason,
    int StartEpoch,
    long StartStep,
    string? Error);
