using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using TrainingService.Api.Apis.Shared;
using TrainingService.Api.Identity;
using TrainingService.Api.Limits;
using TrainingService.Core.Jobs;
using TrainingService.Core.Jobs.Submission;
using TrainingService.Core.Persistence;
using TrainingService.Core.Queueing;

namespace TrainingService.Api.Apis.Jobs;

/// <summary>
/// <c>POST /api/jobs</c>. The body is read here rather than bound, so malformed JSON, unknown
/// fields and wrong types come back as validation problems naming the field.
/// </summary>
public static class JobSubmissionEndpoint
{
    public static async Task<Results<Created<JobResource>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        HttpRequest request, ClaimsPrincipal user, JobSpecValidator validator, JobLifecycle lifecycle, JobDispatcher dispatcher,
        DatasetOwners datasetOwners, IOptions<ApiKeyLimits> keyLimits, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported media type", detail: "Send the job specification as application/json.");
        }
        JobSubmission? submission;
        try
        {
            submission = await request.ReadFromJsonAsync<JobSubmission>(JobSpecJson.Options, cancellationToken);
        }
        catch (JsonException exception)
        {
            return TypedResults.ValidationProblem(JsonErrors.Describe(exception), title: "The request body is not a valid job specification.");
        }

        var caller = user.GetCaller();
        // An upload of another user is refused exactly as an unknown id, so that ids reveal nothing.
        var mayUse = submission?.Dataset?.Id is { } datasetId && !await datasetOwners.MaySeeAsync(caller, datasetId, cancellationToken)
            ? id => id != datasetId
            : (Func<Guid, bool>?)null;
        var validation = validator.Validate(submission, mayUse);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors, title: "The job specification has errors.");
        }

        var maxActive = keyLimits.Value.MaxActiveJobs;
        var job = await lifecycle.CreateAsync(validation.Spec!, validation.Resolution,
            new JobOwnership(caller.UserId, caller.KeyId, maxActive), cancellationToken);
        if (job is null)
        {
            return KeyLimitProblems.TooMany(request.HttpContext.Response, nameof(ApiKeyLimits.MaxActiveJobs),
                $"This key already has {maxActive} queued, running or paused jobs ({ApiKeyLimits.SectionName}:{nameof(ApiKeyLimits.MaxActiveJobs)}); "
                + "wait for one to finish or cancel one.", ApiKeyLimits.ActiveJobsRetryAfter);
        }
        try
        {
            await dispatcher.DispatchAsync(job.Id, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Stored as Queued with no Hangfire job: every process's supervisor dispatches it within seconds.
            loggers.CreateLogger(nameof(JobSubmissionEndpoint)).LogWarning(exception, "Job {JobId} stored; dispatch left to the supervisor", job.Id);
        }
        return TypedResults.Created($"/api/jobs/{job.Id}", job.ToResource(caller.UserName, checkpointBytes: 0));
    }
}
