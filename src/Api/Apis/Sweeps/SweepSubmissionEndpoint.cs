using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using TrainingService.Api.Apis.Shared;
using TrainingService.Api.Identity;
using TrainingService.Api.Limits;
using TrainingService.Contracts.Sweeps;
using TrainingService.Core.Jobs;
using TrainingService.Core.Jobs.Submission;
using TrainingService.Core.Persistence;
using TrainingService.Core.Sweeps;

namespace TrainingService.Api.Apis.Sweeps;

/// <summary>
/// <c>POST /api/sweeps</c>. The body is read here rather than bound, so malformed JSON, unknown fields and wrong types come
/// back as validation problems naming the field; a base submission's own are named under <c>base.</c>.
/// </summary>
public static class SweepSubmissionEndpoint
{
    public static async Task<Results<Created<SweepResource>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        HttpRequest request, ClaimsPrincipal user, SweepSubmissionValidator validator, SweepLifecycle sweeps, SweepQueries queries,
        DatasetOwners datasetOwners, IOptions<ApiKeyLimits> keyLimits, CancellationToken cancellationToken)
    {
        var body = await JsonRequestBody<SweepSubmission>.ReadAsync(request, "Send the sweep as application/json.",
            "The request body is not a valid sweep.", cancellationToken, typeof(SweepSubmission));
        if (body.Unsupported is { } unsupported) return unsupported;
        if (body.Invalid is { } invalid) return invalid;
        var submission = body.Value;

        var caller = user.GetCaller();
        // An upload of another user is refused exactly as an unknown id, so that ids reveal nothing.
        var datasetId = BaseDatasetId(submission);
        var mayUse = datasetId is { } id && !await datasetOwners.MaySeeAsync(caller, id, cancellationToken) ? other => other != id : (Func<Guid, bool>?)null;
        var maxActive = keyLimits.Value.MaxActiveJobs;
        var validation = validator.Validate(submission, maxActive, mayUse, exception => JsonErrors.Describe(exception, typeof(JobSubmission)));
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors, title: "The sweep has errors.");
        }
        var sweep = await sweeps.CreateAsync(validation.Spec!, validation.Trials, new SweepOwner(caller.UserId, caller.KeyId), maxActive, cancellationToken);
        var view = await queries.FindAsync(sweep.Id, caller, cancellationToken);
        return TypedResults.Created($"/api/sweeps/{sweep.Id}", view!.ToResource());
    }

    private static Guid? BaseDatasetId(SweepSubmission? submission) =>
        submission is { Base.ValueKind: JsonValueKind.Object } && submission.Base.TryGetProperty("dataset", out var dataset)
        && dataset.ValueKind == JsonValueKind.Object && dataset.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
        && id.TryGetGuid(out var guid) ? guid : null;
}
