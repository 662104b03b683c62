using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TrainingService.Api.Identity;
using TrainingService.Core.Artifacts;
using TrainingService.Core.Checkpoints;
using TrainingService.Core.Models.Onnx;
using TrainingService.Core.Persistence;
using TrainingService.Core.Training;

namespace TrainingService.Api.Apis.Jobs;

/// <summary>
/// <c>GET /api/jobs/{id}/onnx?checkpoint=best|last&amp;preprocess=true|false</c>: the job's network with a checkpoint's
/// weights as an ONNX model, optionally starting from raw 0-255 pixels through the job's evaluation pipeline.
/// </summary>
public static class OnnxExportEndpoint
{
    private static readonly string[] Checkpoints = [CheckpointNames.Best, CheckpointNames.Last];

    public static async Task<Results<FileStreamHttpResult, ValidationProblem, ProblemHttpResult>> GetAsync(
        Guid id, JobQueries queries, ClaimsPrincipal user, CheckpointArtifacts artifacts, JobOnnxExport exporter, CancellationToken cancellationToken,
        [FromQuery] string? checkpoint = null, [FromQuery] string? preprocess = null)
    {
        var errors = new Dictionary<string, string[]>();
        var name = checkpoint ?? CheckpointNames.Best;
        if (!Checkpoints.Contains(name, StringComparer.Ordinal)) errors["checkpoint"] = [$"must be one of: {string.Join(", ", Checkpoints)}."];
        var withPreprocessing = false;
        if (preprocess is not null && !bool.TryParse(preprocess, out withPreprocessing)) errors["preprocess"] = ["must be true or false."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The export cannot be made.");

        var job = (await queries.FindAsync(id, user.GetCaller(), cancellationToken))?.Job;
        if (job is null) return JobsApi.JobNotFound(id);
        var record = await queries.CheckpointAsync(id, name, cancellationToken);
        if (record is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "No checkpoint yet",
                detail: $"Job {id} is {job.Status} and has no '{name}' checkpoint to export.");
        }
        string path;
        try
        {
            path = await artifacts.MaterializeAsync(record.RelativePath, record.Sha256, cancellationToken);
        }
        catch (ArtifactNotFoundException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Checkpoint not found",
                detail: $"The file of job {id}'s '{name}' checkpoint is gone.");
        }

        var options = new OnnxExportOptions
        {
            Description = $"{job.Name}: {job.Spec.Model.Name}, '{name}' checkpoint of epoch {record.Epoch}"
                + (withPreprocessing ? "; input: raw 0-255 pixels, preprocessed in the graph" : "; input: preprocessed images"),
            Metadata = new Dictionary<string, string>
            {
                ["job_id"] = id.ToString(),
                ["model"] = job.Spec.Model.Name,
                ["checkpoint"] = name,
                ["epoch"] = record.Epoch.ToString(CultureInfo.InvariantCulture),
                ["checkpoint_sha256"] = record.Sha256,
                ["preprocess"] = withPreprocessing ? "true" : "false",
            },
        };

        // A temporary file rather than the response: protobuf writes synchronously, and the file also gives a length and ranges.
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        try
        {
            IReadOnlyList<StateTensor> weights;
            using (var source = File.OpenRead(path))
            {
                weights = new PthReader().Read(source);
            }
            exporter.Write(job.Spec, job.Resolution, weights, withPreprocessing, options, file);
            file.Position = 0;
        }
        catch (Exception exception) when (exception is NotSupportedException or InvalidOperationException or ArgumentException)
        {
            await file.DisposeAsync();
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The network cannot be exported to ONNX", detail: exception.Message);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
        var fileName = $"{FileNames.Slug(job.Name)}-{FileNames.Slug(job.Spec.Model.Name)}-{name}{(withPreprocessing ? "-preprocess" : "")}.onnx";
        return TypedResults.Stream(file, OnnxExporter.MediaType, fileName, enableRangeProcessing: true);
    }
}
