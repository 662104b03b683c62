using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TrainingService.Api.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using TrainingService.Contracts.Predictions;
using TrainingService.Core.Artifacts;
using TrainingService.Core.Images;
using TrainingService.Core.Jobs;
using TrainingService.Core.Persistence;
using TrainingService.Core.Prediction;
using TrainingService.Core.Training;

namespace TrainingService.Api.Apis.Jobs.Prediction;

/// <summary><c>POST /api/jobs/{id}/predict</c>: classify images with the job's best checkpoint.</summary>
public static class PredictEndpoint
{
    /// <summary>Says whether the network came from the prediction cache (<c>hit</c>) or was built for the request (<c>miss</c>).</summary>
    public const string CacheHeader = "X-Prediction-Cache";

    public static async Task<Results<Ok<PredictionResponse>, ValidationProblem, ProblemHttpResult>> PredictAsync(
        Guid id, HttpContext context, JobQueries queries, ClaimsPrincipal user, Predictor predictor, PredictionCache cache,
        CheckpointArtifacts artifacts, IOptions<ImageLimits> limits, CancellationToken cancellationToken,
        [FromQuery] int topK = 5, [FromQuery] bool includeInput = false)
    {
        if (topK is < 1 or > 100) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["topK"] = ["must be between 1 and 100."] });
        // A warm request costs one query: visibility and the best checkpoint's SHA-256, which keys the cache. The job
        // itself (spec, resolution) is read only to build a network the cache does not hold.
        var found = await queries.VisibleCheckpointAsync(id, user.GetCaller(), CheckpointNames.Best, cancellationToken);
        if (found is null) return JobsApi.JobNotFound(id);
        if (found.Checkpoint is not { } checkpoint) return NoCheckpoint(id, found.Status);
        using var lease = cache.TryLease(id, checkpoint.Sha256) ?? await LoadAsync(id, user, checkpoint, queries, predictor, cache, artifacts, cancellationToken);
        if (lease is null) return NoCheckpoint(id, found.Status);
        var (images, names, errors) = await PredictionInput.ReadAsync(context.Request, lease.Network.Dataset, limits.Value, cancellationToken);
        if (images is null) return TypedResults.ValidationProblem(errors, title: "The images cannot be classified.");
        using (images)
        {
            context.Response.Headers[CacheHeader] = lease.Hit ? "hit" : "miss";
            var batch = lease.Network.Predict(images, topK, includeInput);
            return TypedResults.Ok(new PredictionResponse(id, checkpoint.Name, checkpoint.Epoch,
                batch.Top.Select((classes, index) => new ImagePrediction(index, names.ElementAtOrDefault(index), classes) { Input = batch.Inputs?[index] }).ToList()));
        }
    }

    private static ProblemHttpResult NoCheckpoint(Guid id, JobStatus status) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "No checkpoint yet",
            detail: $"Job {id} is {status} and has no best checkpoint to predict with.");

    /// <summary>Builds the network from the best weights in the Api's own checkpoint folder, fetched from the artifact store when missing or stale.</summary>
    private static async Task<NetworkLease?> LoadAsync(Guid id, ClaimsPrincipal user, CheckpointRecord checkpoint, JobQueries queries, Predictor predictor,
        PredictionCache cache, CheckpointArtifacts artifacts, CancellationToken cancellationToken)
    {
        var job = (await queries.FindAsync(id, user.GetCaller(), cancellationToken))?.Job;
        if (job is null) return null;
        string path;
        try
        {
            path = await artifacts.MaterializeAsync(checkpoint.RelativePath, checkpoint.Sha256, cancellationToken);
        }
        catch (ArtifactNotFoundException)
        {
            return null;
        }
        return cache.Add(id, checkpoint.Sha256, predictor.Load(job.Spec, job.Resolution, path));
    }
}
