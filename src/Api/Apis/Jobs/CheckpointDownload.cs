using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TrainingService.Api.Identity;
using Microsoft.Net.Http.Headers;
using TrainingService.Core.Artifacts;
using TrainingService.Core.Checkpoints;
using TrainingService.Core.Checkpoints.SafeTensors;
using TrainingService.Core.Persistence;
using TrainingService.Core.Training;

namespace TrainingService.Api.Apis.Jobs;

/// <summary>
/// Serves a checkpoint file with its SHA-256 as the ETag and as an RFC 9530 <c>Repr-Digest</c>,
/// so a client can verify what it downloaded. The bytes stream from the artifact store, whichever back-end it is,
/// with range requests served by seeking. <c>?format=safetensors</c> converts a weight checkpoint on the way out;
/// the digests are then those of the safetensors bytes, which are the same every time for the same checkpoint.
/// </summary>
public static class CheckpointDownload
{
    public const string PthFormat = "pth";

    public const string SafeTensorsFormat = "safetensors";

    public static async Task<Results<FileStreamHttpResult, ValidationProblem, ProblemHttpResult>> DownloadAsync(
        Guid id, string name, JobQueries queries, ClaimsPrincipal user, CheckpointArtifacts artifacts, HttpResponse response,
        CancellationToken cancellationToken, [FromQuery] string? format = null)
    {
        var safeTensors = format is not null && string.Equals(format, SafeTensorsFormat, StringComparison.OrdinalIgnoreCase);
        if (format is not null && !safeTensors && !string.Equals(format, PthFormat, StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["format"] = [$"must be '{PthFormat}' (the default) or '{SafeTensorsFormat}'."],
            });
        }
        if (safeTensors && name == CheckpointNames.Training)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["format"] = [$"'{SafeTensorsFormat}' holds weights only: it is offered for the '{CheckpointNames.Best}' and '{CheckpointNames.Last}' checkpoints, not '{name}'."],
            });
        }

        var job = (await queries.FindAsync(id, user.GetCaller(), cancellationToken))?.Job;
        if (job is null) return JobsApi.JobNotFound(id);
        var checkpoint = await queries.CheckpointAsync(id, name, cancellationToken);
        var content = checkpoint is null ? null : await artifacts.OpenReadAsync(checkpoint.RelativePath, cancellationToken);
        if (checkpoint is null || content is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
                title: "Checkpoint not found", detail: $"Job {id} has no checkpoint named '{name}'.");
        }

        var sha256 = checkpoint.Sha256;
        var extension = PthFormat;
        if (safeTensors)
        {
            var metrics = (await queries.MetricsAsync(id, cancellationToken)).FirstOrDefault(m => m.Epoch == checkpoint.Epoch);
            var bytes = await SafeTensorsOf(content, job, checkpoint, metrics, cancellationToken);
            content = new MemoryStream(bytes, writable: false);
            sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
            extension = SafeTensorsFormat;
        }

        response.Headers["Repr-Digest"] = $"sha-256=:{Convert.ToBase64String(Convert.FromHexString(sha256))}:";
        response.Headers["X-Checksum-Sha256"] = sha256;
        var fileName = $"{FileNames.Slug(job.Name)}-{checkpoint.Name}-epoch{checkpoint.Epoch}.{extension}";
        // The result disposes the stream once the response is written.
        return TypedResults.Stream(content, "application/octet-stream", fileName,
            entityTag: new EntityTagHeaderValue($"\"{sha256}\""), enableRangeProcessing: true);
    }

    /// <summary>
    /// The checkpoint's tensors re-encoded, held in memory (about the checkpoint's size again) so that ranges and the
    /// digest headers work as for the stored file.
    /// </summary>
    internal static async Task<byte[]> SafeTensorsOf(Stream pth, TrainingService.Core.Persistence.TrainingJob job, CheckpointRecord checkpoint,
        EpochMetricsRecord? metrics, CancellationToken cancellationToken)
    {
        await using (pth)
        {
            using var buffered = new MemoryStream();
            await pth.CopyToAsync(buffered, cancellationToken);
            buffered.Position = 0;
            var tensors = new PthReader().Read(buffered);
            return new SafeTensorsWriter().ToBytes(tensors, CheckpointMetadata.For(job, checkpoint, metrics));
        }
    }
}
