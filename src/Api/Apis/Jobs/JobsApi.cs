using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using TrainingService.Api.Identity;
using TrainingService.Api.Limits;
using TrainingService.Api.Requests;
using TrainingService.Api.Apis.Jobs.Prediction;
using TrainingService.Contracts.Jobs;
using TrainingService.Core.Jobs.Submission;
using TrainingService.Core.Persistence;

namespace TrainingService.Api.Apis.Jobs;

/// <summary>The <c>/api/jobs</c> endpoints.</summary>
public static class JobsApi
{
    public const int MaxPageSize = 100;

    public static RouteGroupBuilder MapJobsApi(this IEndpointRouteBuilder app)
    {
        var limits = app.ServiceProvider.GetRequiredService<IOptions<RequestLimits>>().Value;
        var api = app.MapGroup("/api/jobs").WithTags("Jobs");
        api.MapPost("/", JobSubmissionEndpoint.SubmitAsync).WithName("SubmitJob")
            .WithSummary("Submit a training job").Accepts<JobSubmission>("application/json")
            .WithMetadata(new RequestSizeLimitAttribute(limits.MaxJsonBodyBytes)).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable).RequireRateLimiting(KeyLimitServiceExtensions.SubmissionsPolicy);
        api.MapPost("/validate", JobValidationEndpoint.ValidateAsync).WithName("ValidateJob")
            .WithSummary("Check a job specification as submitting it would, and describe what it would train; nothing is stored or queued")
            .Accepts<JobSubmission>("application/json").WithMetadata(new RequestSizeLimitAttribute(limits.MaxJsonBodyBytes))
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        api.MapGet("/", JobListEndpoint.ListAsync).WithName("ListJobs")
            .WithSummary("List jobs: filter by status, model, dataset, tag, sweep and text; sort by any column (running ones first by default)");
        api.MapGet("/{id:guid}", GetAsync).WithName("GetJob").WithSummary("Get one job").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPatch("/{id:guid}", JobLabelsEndpoint.UpdateAsync).WithName("UpdateJobLabels")
            .WithSummary("Replace a job's tags and/or note, in any state").Accepts<JobLabelsUpdate>("application/json")
            .WithMetadata(new RequestSizeLimitAttribute(limits.MaxJsonBodyBytes)).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        api.MapDelete("/{id:guid}", JobDeletionEndpoint.DeleteAsync).WithName("DeleteJob")
            .WithSummary("Delete a finished job with its metrics, checkpoints and files; a queued, running or paused job must be cancelled first")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/{id:guid}/metrics", MetricsAsync).WithName("GetJobMetrics").WithSummary("Per-epoch metrics of a job").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{id:guid}/steps", JobResultsEndpoints.StepsAsync).WithName("GetJobStepLosses")
            .WithSummary("Training loss of every step, downsampled for plotting").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{id:guid}/evaluation", JobResultsEndpoints.EvaluationAsync).WithName("GetJobEvaluation")
            .WithSummary("Test-split evaluation of the selected checkpoint: per-class metrics and confusion matrix")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id:guid}/predict", PredictEndpoint.PredictAsync).WithName("PredictWithJob").DisableAntiforgery()
            .WithSummary("Classify PNG/JPEG files (multipart) or pixel arrays (JSON) with the job's best checkpoint")
            .WithMetadata(new RequestSizeLimitAttribute(limits.MaxPredictBodyBytes)).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/{id:guid}/pytorch", JobSourceEndpoint.GetAsync).WithName("GetJobPyTorchSource")
            .WithSummary("The PyTorch class of the job's network, matching its checkpoints")
            .Produces<string>(StatusCodes.Status200OK, "text/x-python").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{id:guid}/onnx", OnnxExportEndpoint.GetAsync).WithName("GetJobOnnxModel")
            .WithSummary("The job's network with a checkpoint's weights as an ONNX model (opset 17, dynamic batch); preprocess=true takes raw 0-255 pixels")
            .Produces(StatusCodes.Status200OK, contentType: "application/onnx").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id:guid}/cancel", JobControlEndpoints.CancelAsync).WithName("CancelJob")
            .WithSummary("Cancel a job: at once if queued or paused, at the next batch boundary (after a training checkpoint) if running")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id:guid}/pause", JobControlEndpoints.PauseAsync).WithName("PauseJob")
            .WithSummary("Pause a job: a running one checkpoints at the next batch boundary and frees its worker")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id:guid}/resume", JobControlEndpoints.ResumeAsync).WithName("ResumeJob")
            .WithSummary("Queue a paused job again; it continues from its training checkpoint on any worker")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/{id:guid}/attempts", JobControlEndpoints.AttemptsAsync).WithName("ListJobAttempts")
            .WithSummary("The runs of a job: worker, start (epoch and step), end and why it ended").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{id:guid}/checkpoints", CheckpointsAsync).WithName("ListJobCheckpoints").WithSummary("Checkpoints of a job").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{id:guid}/checkpoints/{name}", CheckpointDownload.DownloadAsync).WithName("DownloadJobCheckpoint")
            .WithSummary("Download a checkpoint as a PyTorch .pth file, or with ?format=safetensors as safetensors")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{id:guid}/bundle", JobBundleEndpoint.GetAsync).WithName("DownloadJobBundle")
            .WithSummary("One zip of the best weights (.pth and safetensors), PyTorch source, spec, metrics, evaluation, model card and evaluate.py")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    /// <summary>The last page whose first row's offset, (page - 1) * pageSize, still fits the query's int.</summary>
    public static int MaxPage(int pageSize) => (int)Math.Min(int.MaxValue, (long)int.MaxValue / pageSize + 1);

    public static async Task<Results<Ok<JobResource>, ProblemHttpResult>> GetAsync(
        Guid id, JobQueries queries, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await queries.FindAsync(id, user.GetCaller(), cancellationToken) is { } job ? TypedResults.Ok(job.ToResource()) : JobNotFound(id);

    public static async Task<Results<Ok<IReadOnlyList<EpochMetricsResource>>, ProblemHttpResult>> MetricsAsync(
        Guid id, JobQueries queries, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await queries.FindAsync(id, user.GetCaller(), cancellationToken) is null) return JobNotFound(id);
        var rows = await queries.MetricsAsync(id, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<EpochMetricsResource>>(rows.Select(m => m.ToResource()).ToList());
    }

    public static async Task<Results<Ok<IReadOnlyList<CheckpointResource>>, ProblemHttpResult>> CheckpointsAsync(
        Guid id, JobQueries queries, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await queries.FindAsync(id, user.GetCaller(), cancellationToken) is null) return JobNotFound(id);
        var rows = await queries.CheckpointsAsync(id, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<CheckpointResource>>(rows.Select(c => c.ToResource()).ToList());
    }

    /// <summary>Also the answer for another user's job: a 403 would confirm that the id exists.</summary>
    internal static ProblemHttpResult JobNotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Job not found", detail: $"No job has the id {id}.");
}
