using Microsoft.EntityFrameworkCore;

namespace TrainingService.Core.Persistence;

/// <summary>Read-side queries the Api serves; every one is a no-tracking query.</summary>
public sealed class JobQueries(IDbContextFactory<TrainingDbContext> contexts)
{
    public async Task<TrainingJob?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, cancellationToken);
    }

    public async Task<(IReadOnlyList<TrainingJob> Items, int TotalCount)> ListAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var total = await db.Jobs.CountAsync(cancellationToken);
        var items = await db.Jobs.AsNoTracking()
            .OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        return (items, total);
    }

    public async Task<IReadOnlyList<EpochMetricsRecord>> MetricsAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.EpochMetrics.AsNoTracking().Where(m => m.JobId == id).OrderBy(m => m.Epoch).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<CheckpointRecord>> CheckpointsAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Checkpoints.AsNoTracking().Where(c => c.JobId == id).OrderBy(c => c.Name).ToListAsync(cancellationToken);
    }

    public async Task<CheckpointRecord?> CheckpointAsync(Guid id, string name, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Checkpoints.AsNoTracking().SingleOrDefaultAsync(c => c.JobId == id && c.Name == name, cancellationToken);
    }

    public async Task<IReadOnlyList<StepLossesRecord>> StepLossesAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.StepLosses.AsNoTracking().Where(s => s.JobId == id).OrderBy(s => s.Epoch).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<JobAttemptRecord>> AttemptsAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Attempts.AsNoTracking().Where(a => a.JobId == id).OrderBy(a => a.Attempt).ToListAsync(cancellationToken);
    }
}
