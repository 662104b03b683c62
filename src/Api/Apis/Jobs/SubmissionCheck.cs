using Microsoft.AspNetCore.Http.HttpResults;
using TrainingService.Api.Apis.Shared;
using TrainingService.Core.Identity;
using TrainingService.Core.Jobs;
using TrainingService.Core.Jobs.Submission;
using TrainingService.Core.Persistence;

namespace TrainingService.Api.Apis.Jobs;

/// <summary>
/// A job submission body read and validated for a caller, or the refusal: exactly one of the three is set.
/// <c>POST /api/jobs</c> and <c>POST /api/jobs/validate</c> both come through <see cref="ReadAsync"/>, so they
/// cannot disagree on what is valid or on how a refusal names its fields.
/// </summary>
internal sealed record SubmissionCheck(JobSpecValidationResult? Valid, ProblemHttpResult? UnsupportedMediaType, ValidationProblem? Invalid)
{
    /// <summary>
    /// The body is read here rather than bound, so malformed JSON, unknown fields and wrong types come back as
    /// validation problems naming the field.
    /// </summary>
    public static async Task<SubmissionCheck> ReadAsync(
        HttpRequest request, Caller caller, JobSpecValidator validator, DatasetOwners datasetOwners, CancellationToken cancellationToken)
    {
        var body = await JsonRequestBody<JobSubmission>.ReadAsync(request, "Send the job specification as application/json.",
            "The request body is not a valid job specification.", cancellationToken);
        if (!body.IsRead)
        {
            return new(null, body.Unsupported, body.Invalid);
        }
        var submission = body.Value;

        // An upload of another user is refused exactly as an unknown id, so that ids reveal nothing.
        var mayUse = submission?.Dataset?.Id is { } datasetId && !await datasetOwners.MaySeeAsync(caller, datasetId, cancellationToken)
            ? id => id != datasetId
            : (Func<Guid, bool>?)null;
        var validation = validator.Validate(submission, mayUse);
        return validation.IsValid
            ? new(validation, null, null)
            : new(null, null, TypedResults.ValidationProblem(validation.Errors, title: "The job specification has errors."));
    }
}
