using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TrainingService.Api.Identity;
using Microsoft.Net.Http.Headers;
using TrainingService.Core.Artifacts;
using TrainingService.Core.Persistence;

namespace TrainingService.Api.Apis.Jobs;

/// <summary>
/// Serves a checkpoint file with its SHA-256 as the ETag and as an RFC 9530 <c>Repr-Digest</c>,
/// so a client can verify what it downloaded. The bytes stream from the artifact store, whichever back-end it is,
/// with range requests served by seeking.
/// </summary>
public static class CheckpointDownload
{
    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAsync(
        Guid id, string name, JobQueries queries, ClaimsPrincipal user, CheckpointArtifacts artifacts, HttpResponse response, CancellationToken cancellationToken)
    {
        var job = (await queries.FindAsync(id, user.GetCaller(), cancellationToken))?.Job;
        if (job is null) return JobsApi.JobNotFound(id);
        var checkpoint = await queries.CheckpointAsync(id, name, cancellationToken);
        var content = checkpoint is null ? null : await artifacts.OpenReadAsync(checkpoint.RelativePath, cancellationToken);
        if (checkpoint is null || content is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
                title: "Checkpoint not found", detail: $"Job {id} has no checkpoint named '{name}'.");
        }
        response.Headers["Repr-Digest"] = $"sha-256=:{Convert.ToBase64String(Convert.FromHexString(checkpoint.Sha256))}:";
        response.Headers["X-Checksum-Sha256"] = checkpoint.Sha256;
        var fileName = $"{Slug(job.Name)}-{checkpoint.Name}-epoch{checkpoint.Epoch}.pth";
        // The result disposes the stream once the response is written.
        return TypedResults.Stream(content, "application/octet-stream", fileName,
            entityTag: new EntityTagHeaderValue($"\"{checkpoint.Sha256}\""), enableRangeProcessing: true);
    }

    internal static string Slug(string name)
    {
        var chars = name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray();
        var slug = new string(chars).Trim('-');
        return slug.Length == 0 ? "job" : slug[..Math.Min(slug.Length, 60)];
    }
}
