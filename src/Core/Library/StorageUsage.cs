using Microsoft.EntityFrameworkCore;
using TrainingService.Core.Artifacts;
using TrainingService.Core.Datasets.ImageFolders;
using TrainingService.Core.Identity;
using TrainingService.Core.Persistence;
using TrainingService.Core.Retention;

namespace TrainingService.Core.Library;

/// <summary>
/// What a caller's jobs and uploads hold (an admin's: everyone's): checkpoint bytes from the checkpoint rows, their one
/// owner, and the uploads' bytes from the artifact store, read without reading the files.
/// </summary>
public sealed class StorageUsage(IDbContextFactory<TrainingDbContext> contexts, IArtifactStore store, DatasetOwners owners, ImageFolderCatalog uploads)
{
    public async Task<(long Bytes, int Files)> CheckpointsAsync(Caller caller, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var checkpoints = caller.OwnerFilter is { } owner
            ? from c in db.Checkpoints join j in db.Jobs on c.JobId equals j.Id where j.OwnerId == owner select c
            : db.Checkpoints;
        var totals = await checkpoints.GroupBy(_ => 1).Select(g => new { Bytes = g.Sum(c => c.SizeBytes), Files = g.Count() }).SingleOrDefaultAsync(cancellationToken);
        return (totals?.Bytes ?? 0, totals?.Files ?? 0);
    }

    /// <summary>The uploads the caller may see that exist, and the bytes their files take in the store.</summary>
    public async Task<(long Bytes, int Count)> UploadsAsync(Caller caller, CancellationToken cancellationToken)
    {
        var visible = await owners.VisibleIdsAsync(caller, cancellationToken);
        var ids = uploads.List().Select(m => m.Id).Where(id => visible is null || visible.Contains(id)).ToList();
        long bytes = 0;
        foreach (var id in ids)
        {
            bytes += (await store.UsageAsync(ArtifactKeys.ForDataset($"{ImageFolderCatalog.FolderName}/{id:D}/"), cancellationToken)).Bytes;
        }
        return (bytes, ids.Count);
    }

    /// <returns>Null before the first run.</returns>
    public async Task<RetentionRunRecord?> LastRetentionRunAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.RetentionRuns.AsNoTracking().OrderByDescending(r => r.StartedAt).FirstOrDefaultAsync(cancellationToken);
    }
}
