using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using TrainingService.Api.Identity;
using TrainingService.Contracts.Storage;
using TrainingService.Core.Artifacts;
using TrainingService.Core.Library;
using TrainingService.Core.Retention;

namespace TrainingService.Api.Apis.Storage;

/// <summary>The <c>/api/storage</c> endpoint: what the caller's jobs and uploads take, where, and the retention policy.</summary>
public static class StorageApi
{
    public static RouteGroupBuilder MapStorageApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/storage").WithTags("Storage");
        api.MapGet("/", GetAsync).WithName("GetStorageUsage")
            .WithSummary("Checkpoint and upload bytes of the caller's jobs and datasets (an admin's: everyone's), the artifact store and the retention policy with its last run");
        return api;
    }

    public static async Task<Ok<StorageUsageResource>> GetAsync(ClaimsPrincipal user, StorageUsage usage, IOptions<ArtifactStoreOptions> store,
        IOptions<RetentionOptions> retention, CancellationToken cancellationToken)
    {
        var caller = user.GetCaller();
        var checkpoints = await usage.CheckpointsAsync(caller, cancellationToken);
        var uploads = await usage.UploadsAsync(caller, cancellationToken);
        var lastRun = await usage.LastRetentionRunAsync(cancellationToken);
        var policy = retention.Value;
        return TypedResults.Ok(new StorageUsageResource(checkpoints.Bytes, checkpoints.Files, uploads.Bytes, uploads.Count,
            store.Value.IsPostgres ? ArtifactStoreOptions.PostgresBackend : ArtifactStoreOptions.FolderBackend,
            new RetentionPolicyResource(policy.Enabled, policy.TrainingCheckpointDays, policy.MaxCheckpointBytes, policy.Interval,
                lastRun?.FinishedAt, lastRun?.FreedBytes)));
    }
}
