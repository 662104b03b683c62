using System.Security.Claims;
using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;
using TrainingService.Api.Identity;
using TrainingService.Core.Identity;
using TrainingService.Core.Persistence;
using TrainingService.Core.Queueing;

namespace TrainingService.Api.Apis.Jobs;

/// <summary>
/// Cancel, pause and resume. A queued or paused job moves at once (<c>200</c>); a running one is asked to
/// stop at its next batch boundary after a training checkpoint (<c>202</c>, the job with <c>stopRequest</c> set).
/// Repeating a request is harmless; a finished job answers <c>409</c>.
/// </summary>
public static class JobControlEndpoints
{
    public static Task<Results<Ok<JobResource>, Accepted<JobResource>, ProblemHttpResult>> CancelAsync(
        Guid id, JobLifecycle lifecycle, JobQueries queries, ClaimsPrincipal user, IBackgroundJobClient hangfire, CancellationToken cancellationToken) =>
        StopAsync(id, user.GetCaller(), queries, lifecycle.RequestCancelAsync, hangfire, "cancelled", cancellationToken);

    public static Task<Results<Ok<JobResource>, Accepted<JobResource>, ProblemHttpResult>> PauseAsync(
        Guid id, JobLifecycle lifecycle, JobQueries queries, ClaimsPrincipal user, IBackgroundJobClient hangfire, CancellationToken cancellationToken) =>
        StopAsync(id, user.GetCaller(), queries, lifecycle.RequestPauseAsync, hangfire, "paused", cancellationToken);

    public static async Task<Results<Ok<JobResource>, Accepted<JobResource>, ProblemHttpResult>> ResumeAsync(
        Guid id, JobLifecycle lifecycle, JobQueries queries, ClaimsPrincipal user, JobDispatcher dispatcher, CancellationToken cancellationToken)
    {
        // Owners never change, so checking first and acting after cannot let a job change hands in between.
        if (await queries.FindAsync(id, user.GetCaller(), cancellationToken) is not { } owned) return JobsApi.JobNotFound(id);
        var (result, job) = await lifecycle.ResumeAsync(id, cancellationToken);
        if (result == ControlRequestResult.Done)
        {
            await dispatcher.DispatchAsync(id, cancellationToken);
        }
        return Answer(id, result, job, owned, "resumed");
    }

    public static async Task<Results<Ok<IReadOnlyList<AttemptResource>>, ProblemHttpResult>> AttemptsAsync(
        Guid id, JobQueries queries, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await queries.FindAsync(id, user.GetCaller(), cancellationToken) is null) return JobsApi.JobNotFound(id);
        var rows = await queries.AttemptsAsync(id, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<AttemptResource>>(rows.Select(a => a.ToResource()).ToList());
    }

    private static async Task<Results<Ok<JobResource>, Accepted<JobResource>, ProblemHttpResult>> StopAsync(Guid id, Caller caller, JobQueries queries,
        Func<Guid, CancellationToken, Task<(ControlRequestResult Result, TrainingJob? Job)>> request, IBackgroundJobClient hangfire,
        string verb, CancellationToken cancellationToken)
    {
        if (await queries.FindAsync(id, caller, cancellationToken) is not { } owned) return JobsApi.JobNotFound(id);
        var (result, job) = await request(id, cancellationToken);
        if (result == ControlRequestResult.Done && job?.HangfireJobId is { } delivery)
        {
            // The job row already refuses the run; deleting the waiting delivery makes Hangfire show it too.
            hangfire.Delete(delivery);
        }
        return Answer(id, result, job, owned, verb);
    }

    private static Results<Ok<JobResource>, Accepted<JobResource>, ProblemHttpResult> Answer(
        Guid id, ControlRequestResult result, TrainingJob? job, OwnedJob owned, string verb) =>
        result switch
        {
            ControlRequestResult.NotFound => JobsApi.JobNotFound(id),
            ControlRequestResult.Conflict => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"The job cannot be {verb}",
                detail: $"Job {id} is {job!.Status}; only queued, running or paused jobs can be {verb}."),
            ControlRequestResult.Requested => TypedResults.Accepted($"/api/jobs/{id}", job!.ToResource(owned.Owner, owned.CheckpointBytes)),
            _ => TypedResults.Ok(job!.ToResource(owned.Owner, owned.CheckpointBytes)),
        };
}
