using System.Text.Json;
using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;
using TrainingService.Core.Jobs;
using TrainingService.Core.Jobs.Submission;
using TrainingService.Core.Persistence;

namespace TrainingService.Api.Apis;

/// <summary>
/// <c>POST /api/jobs</c>. The body is read here rather than bound, so malformed JSON, unknown
/// fields and wrong types come back as validation problems naming the field.
/// </summary>
public static class JobSubmissionEndpoint
{
    public static async Task<Results<Created<JobResource>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        HttpRequest request, JobSpecValidator validator, JobLifecycle lifecycle, IBackgroundJobClient hangfire,
        ILoggerFactory loggers, CancellationToken cancellationToken)
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

        var validation = validator.Validate(submission);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors, title: "The job specification has errors.");
        }

        var job = await lifecycle.CreateAsync(validation.Spec!, cancellationToken);
        try
        {
            var hangfireId = hangfire.Enqueue<ITrainingJobRunner>(runner => runner.RunAsync(job.Id, CancellationToken.None));
            await lifecycle.AttachHangfireJobAsync(job.Id, hangfireId, cancellationToken);
            job.HangfireJobId = hangfireId;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            loggers.CreateLogger(nameof(JobSubmissionEndpoint)).LogError(exception, "Job {JobId} could not be queued", job.Id);
            await lifecycle.FailAsync(job.Id, null, "The job could not be queued: " + exception.Message, CancellationToken.None);
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "The job queue is unavailable", detail: $"Job {job.Id} was stored but could not be queued; it is marked Failed.");
        }
        return TypedResults.Created($"/api/jobs/{job.Id}", job.ToResource());
    }
}
