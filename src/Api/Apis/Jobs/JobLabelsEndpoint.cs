using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TrainingService.Api.Apis.Shared;
using TrainingService.Api.Identity;
using TrainingService.Contracts.Jobs;
using TrainingService.Core.Jobs;
using TrainingService.Core.Library;
using TrainingService.Core.Persistence;

namespace TrainingService.Api.Apis.Jobs;

/// <summary>
/// <c>PATCH /api/jobs/{id}</c>: a job's tags and note, in any state. The body is read here rather than bound, so
/// malformed JSON, unknown fields and wrong types come back as validation problems naming the field.
/// </summary>
public static class JobLabelsEndpoint
{
    public static async Task<Results<Ok<JobResource>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, HttpRequest request, ClaimsPrincipal user, JobQueries queries, JobLabelStore labels, CancellationToken cancellationToken)
    {
        var caller = user.GetCaller();
        // Owners never change, so checking first and writing after cannot let a job change hands in between.
        if (await queries.FindAsync(id, caller, cancellationToken) is null) return JobsApi.JobNotFound(id);
        var body = await JsonRequestBody<JobLabelsUpdate>.ReadAsync(request,
            "Send the labels as application/json: {\"tags\": [...], \"note\": \"...\"}.", "The request body is not a valid label update.",
            cancellationToken, typeof(JobLabelsUpdate));
        if (body.Unsupported is { } unsupported) return unsupported;
        if (body.Invalid is { } invalid) return invalid;
        var update = body.Value;
        var errors = new ValidationErrors();
        if (JobLabelRules.Check(update, errors) is not { } change)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(), title: "The labels have errors.");
        }
        if (!await labels.UpdateAsync(id, change, cancellationToken)) return JobsApi.JobNotFound(id);
        return await queries.FindAsync(id, caller, cancellationToken) is { } job ? TypedResults.Ok(job.ToResource()) : JobsApi.JobNotFound(id);
    }
}
