using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TrainingService.Api.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using TrainingService.Core.Artifacts;
using TrainingService.Core.Images;
using TrainingService.Core.Persistence;
using TrainingService.Core.Prediction;
using TrainingService.Core.Training;

namespace TrainingService.Api.Apis.Jobs.Prediction;

/// <summary><c>POST /api/jobs/{id}/predict</c>: classify images with the job's best checkpoint.</summary>
public static class PredictEndpoint
{
    public static async Task<Results<Ok<PredictionResponse>, ValidationProblem, ProblemHttpResult>> PredictAsync(
        Guid id, HttpRequest request, JobQueries queries, ClaimsPrincipal user, Predictor predictor, CheckpointArtifacts artifacts, IOptions<ImageLimits> limits,
        CancellationToken cancellationToken, [FromQuery] int topK = 5)
    {
        if (topK is < 1 or > 100) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["topK"] = ["must be between 1 and 100."] });
        var job = (await queries.FindAsync(id, user.GetCaller(), cancellationToken))?.Job;
        if (job is null) return JobsApi.JobNotFound(id);
        var checkpoint = await queries.CheckpointAsync(id, CheckpointNames.Best, cancellationToken);
        var path = checkpoint is null ? null : await MaterializeAsync(artifacts, checkpoint, cancellationToken);
        if (checkpoint is null || path is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "No checkpoint yet",
                detail: $"Job {id} is {job.Status} and has no best checkpoint to predict with.");
        }
        var (images, names, errors) = await PredictionInput.ReadAsync(
            request, predictor.DatasetOf(job.Spec, job.Resolution), limits.Value, cancellationToken);
        if (images is null) return TypedResults.ValidationProblem(errors, title: "The images cannot be classified.");
        using (images)
        {
            var top = predictor.Predict(job.Spec, job.Resolution, path!, images, topK);
            return TypedResults.Ok(new PredictionResponse(id, checkpoint.Name, checkpoint.Epoch,
                top.Select((classes, index) => new ImagePrediction(index, names.ElementAtOrDefault(index), classes)).ToList()));
        }
    }

    /// <summary>The best weights in the Api's own checkpoint folder, fetched from the artifact store when missing or stale.</summary>
    private static async Task<string?> MaterializeAsync(CheckpointArtifacts artifacts, CheckpointRecord checkpoint, CancellationToken cancellationToken)
    {
        try
        {
            return await artifacts.MaterializeAsync(checkpoint.RelativePath, checkpoint.Sha256, cancellationToken);
        }
        catch (ArtifactNotFoundException)
        {
            return null;
        }
    }
}
