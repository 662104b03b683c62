using Microsoft.EntityFrameworkCore;
using TrainingService.Core.Identity;
using TrainingService.Core.Library;

namespace TrainingService.Core.Persistence;

/// <summary>Read-side queries the Api serves; every one is a no-tracking query.</summary>
public sealed class JobQueries(IDbContextFactory<TrainingDbContext> contexts)
{
    /// <summary>Any job, whoever owns it: for the processes themselves. A request reads through <see cref="FindAsync(Guid, Caller, CancellationToken)"/>.</summary>
    public async Task<TrainingJob?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, cancellationToken);
    }

    /// <summary>
    /// The job when <paramref name="caller"/> may see it, else null, exactly as for an id that does not exist,
    /// so an id reveals nothing. Filtered in SQL.
    /// </summary>
    public async Task<OwnedJob?> FindAsync(Guid id, Caller caller, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await WithOwners(db, Visible(db, caller).Where(j => j.Id == id)).SingleOrDefaultAsync(cancellationToken);
        if (row is null) return null;
        var bytes = await CheckpointBytesAsync(db, [id], cancellationToken);
        return new OwnedJob(row.Job, row.Owner, bytes.GetValueOrDefault(id));
    }

    /// <summary>The page of jobs <paramref name="caller"/> may see (an admin's: all of them), filtered and sorted in SQL.</summary>
    public async Task<(IReadOnlyList<OwnedJob> Items, int TotalCount)> ListAsync(Caller caller, JobListCriteria criteria, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var matching = JobListFiltering.Apply(Visible(db, caller), criteria);
        var total = await matching.CountAsync(cancellationToken);
        var rows = await JobListFiltering.Order(WithOwners(db, matching), criteria)
            .Skip((criteria.Page - 1) * criteria.PageSize).Take(criteria.PageSize)
            .ToListAsync(cancellationToken);
        var bytes = await CheckpointBytesAsync(db, rows.Select(r => r.Job.Id).ToList(), cancellationToken);
        return (rows.Select(r => new OwnedJob(r.Job, r.Owner, bytes.GetValueOrDefault(r.Job.Id))).ToList(), total);
    }

    /// <summary>The owner of a job (null for a legacy row), or <c>Exists = false</c> when there is no such job.</summary>
    public async Task<(bool Exists, Guid? OwnerId)> OwnerOfAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Jobs.AsNoTracking().Where(j => j.Id == id).Select(j => new { j.OwnerId }).ToListAsync(cancellationToken);
        return rows.Count == 0 ? (false, null) : (true, rows[0].OwnerId);
    }

    /// <summary>Uses the (OwnerId, CreatedAt) index for members; an admin's filter is no filter.</summary>
    private static IQueryable<TrainingJob> Visible(TrainingDbContext db, Caller caller)
    {
        var owner = caller.OwnerFilter;
        var jobs = db.Jobs.AsNoTracking();
        return owner is { } id ? jobs.Where(j => j.OwnerId == id) : jobs;
    }

    /// <summary>One grouped query for a whole page, so listing costs the same whatever the page size.</summary>
    private static async Task<Dictionary<Guid, long>> CheckpointBytesAsync(TrainingDbContext db, List<Guid> jobIds, CancellationToken ct) =>
        await db.Checkpoints.AsNoTracking().Where(c => jobIds.Contains(c.JobId))
            .GroupBy(c => c.JobId).Select(g => new { JobId = g.Key, Bytes = g.Sum(c => c.SizeBytes) })
            .ToDictionaryAsync(g => g.JobId, g => g.Bytes, ct);

    private static IQueryable<JobRow> WithOwners(TrainingDbContext db, IQueryable<TrainingJob> jobs) =>
        from job in jobs
        join user in db.Users on job.OwnerId equals user.Id into owners
        from owner in owners.DefaultIfEmpty()
        select new JobRow { Job = job, Owner = owner == null ? null : owner.Name };


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

    /// <summary>
    /// One round trip for a request that needs only a checkpoint of a job it may see: null exactly as
    /// <see cref="FindAsync(Guid, Caller, CancellationToken)"/> is null, so an id reveals nothing.
    /// </summary>
    public async Task<VisibleCheckpoint?> VisibleCheckpointAsync(Guid id, Caller caller, string name, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await (
            from job in Visible(db, caller).Where(j => j.Id == id)
            join checkpoint in db.Checkpoints.AsNoTracking().Where(c => c.Name == name) on job.Id equals checkpoint.JobId into checkpoints
            from checkpoint in checkpoints.DefaultIfEmpty()
            select new VisibleCheckpoint(job.Status, checkpoint)).ToListAsync(cancellationToken);
        return rows.SingleOrDefault();
    }

    public async Task<CheckpointRecord?> CheckpointAsync(Guid id, string name, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Checkpoints.AsNoTracking().SingleOrDefaultAsync(c => c.JobId == id && c.Name == name, cancellationToken);
    }

    /// <summary>
    /// The epochs' step rows that hold any step from <paramref name="fromStep"/> on, and the job's total step count:
    /// a reader that already holds the earlier steps costs only the rows it lacks, not the whole run.
    /// </summary>
    public async Task<IReadOnlyList<StepLossesRecord>> StepLossesAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.StepLosses.AsNoTracking().Where(s => s.JobId == id).OrderBy(s => s.Epoch).ToListAsync(cancellationToken);
    }

    public async Task<StepLossWindow> StepLossesFromAsync(Guid id, long fromStep, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.StepLosses.AsNoTracking()
            .Where(s => s.JobId == id && s.FirstStep + s.Losses.Length / sizeof(float) > fromStep)
            .OrderBy(s => s.Epoch)
            .ToListAsync(cancellationToken);
        var total = rows.Count > 0
            ? rows[^1].FirstStep + rows[^1].Losses.Length / sizeof(float)
            : await db.StepLosses.Where(s => s.JobId == id).MaxAsync(s => (long?)(s.FirstStep + s.Losses.Length / sizeof(float)), cancellationToken) ?? 0;
        return new StepLossWindow(rows, total);
    }

    public async Task<IReadOnlyList<JobAttemptRecord>> AttemptsAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Attempts.AsNoTracking().Where(a => a.JobId == id).OrderBy(a => a.Attempt).ToListAsync(cancellationToken);
    }
}
