using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using TrainingService.Api.Identity;
using TrainingService.Api.Limits;
using TrainingService.Core.Jobs;
using TrainingService.Core.Persistence;
using TrainingService.Core.Queueing;

namespace TrainingService.Api.Apis.Jobs;

/// <summary>
/// <c>POST /api/jobs</c>: the body as <see cref="SubmissionCheck"/> reads and validates it, stored as Queued. The
/// Hangfire job follows off the request's path (<see cref="PendingJobDispatch"/>), so the answer has no
/// <c>hangfireJobId</c> yet.
/// </summary>
public static class JobSubmissionEndpoint
{
    public static async Task<Results<Created<JobResource>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        HttpRequest request, ClaimsPrincipal user, JobSpecValidator validator, JobLifecycle lifecycle, DispatchRequests dispatch,
        DatasetOwners datasetOwners, IOptions<ApiKeyLimits> keyLimits, CancellationToken cancellationToken)
    {
        var caller = user.GetCaller();
        var check = await SubmissionCheck.ReadAsync(request, caller, validator, datasetOwners, cancellationToken);
        if (check.UnsupportedMediaType is { } unsupported) return unsupported;
        if (check.Invalid is { } invalid) return invalid;
        var validation = check.Valid!;

        var maxActive = keyLimits.Value.MaxActiveJobs;
        var job = await lifecycle.CreateAsync(validation.Spec!, validation.Resolution,
            new JobOwnership(caller.UserId, caller.KeyId, maxActive), cancellationToken);
        if (job is null)
        {
            return KeyLimitProblems.TooMany(request.HttpContext.Response, nameof(ApiKeyLimits.MaxActiveJobs),
                $"This key already has {maxActive} queued, running or paused jobs ({ApiKeyLimits.SectionName}:{nameof(ApiKeyLimits.MaxActiveJobs)}); "
                + "wait for one to finish or cancel one.", ApiKeyLimits.ActiveJobsRetryAfter);
        }
        dispatch.Request();
        return TypedResults.Created($"/api/jobs/{job.Id}", job.ToResource(caller.UserName, checkpointBytes: 0));
    }
}
