using Microsoft.EntityFrameworkCore;
using TrainingService.Core.Identity;

namespace TrainingService.Core.Persistence;

/// <summary>
/// Who uploaded which image folder. The folders live on disk (or in the artifact store); their owners live here,
/// so visibility is filtered in SQL. A folder without a row predates owners and is the admins' alone.
/// </summary>
public sealed class DatasetOwners(IDbContextFactory<TrainingDbContext> contexts, TimeProvider time)
{
    public async Task RecordAsync(Guid datasetId, Caller uploader, long uploadBytes, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.DatasetOwners.Add(new DatasetOwnerRecord
        {
            DatasetId = datasetId, OwnerId = uploader.UserId, ApiKeyId = uploader.KeyId, UploadBytes = uploadBytes, CreatedAt = time.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<bool> MaySeeAsync(Caller caller, Guid datasetId, CancellationToken cancellationToken)
    {
        if (caller.IsAdmin) return true;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.DatasetOwners.AnyAsync(o => o.DatasetId == datasetId && o.OwnerId == caller.UserId, cancellationToken);
    }

    /// <summary>The ids of the uploads <paramref name="caller"/> may see; null for an admin, who sees every folder.</summary>
    public async Task<IReadOnlySet<Guid>?> VisibleIdsAsync(Caller caller, CancellationToken cancellationToken)
    {
        if (caller.OwnerFilter is not { } owner) return null;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.DatasetOwners.AsNoTracking().Where(o => o.OwnerId == owner).Select(o => o.DatasetId).ToListAsync(cancellationToken)).ToHashSet();
    }

    /// <summary>
    /// The uploads made with a key since <paramref name="since"/>, oldest first. Rows stay when a dataset is
    /// deleted, so deleting and uploading again does not reset the rolling limit.
    /// </summary>
    public async Task<IReadOnlyList<(DateTimeOffset At, long Bytes)>> UploadsSinceAsync(Guid keyId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.DatasetOwners.AsNoTracking().Where(o => o.ApiKeyId == keyId && o.CreatedAt > since)
            .OrderBy(o => o.CreatedAt).Select(o => new { o.CreatedAt, o.UploadBytes }).ToListAsync(cancellationToken);
        return rows.Select(r => (r.CreatedAt, r.UploadBytes)).ToList();
    }
}
