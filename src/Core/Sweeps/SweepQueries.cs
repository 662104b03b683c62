using Microsoft.EntityFrameworkCore;
using TrainingService.Contracts.Sweeps;
using TrainingService.Core.Identity;
using TrainingService.Core.Jobs;
using TrainingService.Core.Persistence;

namespace TrainingService.Core.Sweeps;

/// <summary>Read-side queries of sweeps; a member sees their own, an admin all, filtered in SQL.</summary>
public sealed class SweepQueries(IDbContextFactory<TrainingDbContext> contexts)
{
    public async Task<(IReadOnlyList<SweepView> Items, int TotalCount)> ListAsync(Caller caller, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var visible = Visible(db, caller);
        var total = await visible.CountAsync(cancellationToken);
        var rows = await visible.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return (await ViewsAsync(db, rows, cancellationToken), total);
    }

    /// <summary>The sweep when <paramref name="caller"/> may see it, else null, exactly as for an id that does not exist.</summary>
    public async Task<SweepView?> FindAsync(Guid id, Caller caller, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await Visible(db, caller).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        return row is null ? null : (await ViewsAsync(db, [row], cancellationToken))[0];
    }

    /// <summary>The sweep's trials by trial number.</summary>
    public async Task<IReadOnlyList<TrialView>> TrialsAsync(Guid sweepId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var jobs = await db.Jobs.AsNoTracking().Where(j => j.SweepId == sweepId).OrderBy(j => j.TrialNumber).ToListAsync(cancellationToken);
        var metrics = await MetricsAsync(db, [sweepId], cancellationToken);
        var stops = await StopsAsync(db, [sweepId], cancellationToken);
        return jobs.Select(j => new TrialView(j, metrics[j.Id].ToList(), stops.TryGetValue(j.Id, out var rung) ? rung : null)).ToList();
    }

    /// <summary>The sweep's ASHA decisions, rung by rung, each rung in the order they were made.</summary>
    public async Task<IReadOnlyList<RungView>> RungsAsync(Guid sweepId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await (from rung in db.SweepRungs.AsNoTracking().Where(r => r.SweepId == sweepId)
                          join job in db.Jobs on rung.JobId equals job.Id
                          orderby rung.Rung, rung.RecordedAt
                          select new { Rung = rung, Number = job.TrialNumber ?? 0 }).ToListAsync(cancellationToken);
        return rows.Select(r => new RungView(r.Rung, r.Number)).ToList();
    }

    private static IQueryable<SweepRecord> Visible(TrainingDbContext db, Caller caller) =>
        caller.OwnerFilter is { } owner ? db.Sweeps.AsNoTracking().Where(s => s.OwnerId == owner) : db.Sweeps.AsNoTracking();

    private static async Task<IReadOnlyList<SweepView>> ViewsAsync(TrainingDbContext db, IReadOnlyList<SweepRecord> sweeps, CancellationToken ct)
    {
        var ids = sweeps.Select(s => s.Id).ToList();
        var ownerIds = sweeps.Where(s => s.OwnerId is not null).Select(s => s.OwnerId!.Value).Distinct().ToList();
        var owners = await db.Users.AsNoTracking().Where(u => ownerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var trials = (await db.Jobs.AsNoTracking().Where(j => j.SweepId != null && ids.Contains(j.SweepId.Value))
                .Select(j => new { j.Id, SweepId = j.SweepId!.Value, j.TrialNumber, j.Status }).ToListAsync(ct))
            .ToLookup(j => j.SweepId);
        var metrics = await MetricsAsync(db, ids, ct);
        var stops = await StopsAsync(db, ids, ct);
        return sweeps.Select(sweep =>
        {
            var own = trials[sweep.Id].ToList();
            int Count(JobStatus status) => own.Count(t => t.Status == status);
            var counts = new SweepTrialCounts(sweep.Spec.MaxTrials, sweep.TrialsCreated, Count(JobStatus.Queued) + Count(JobStatus.Paused),
                Count(JobStatus.Running), Count(JobStatus.Succeeded), own.Count(t => stops.ContainsKey(t.Id)), Count(JobStatus.Cancelled),
                Count(JobStatus.Failed));
            SweepBestTrial? best = null;
            foreach (var trial in own)
            {
                if (SweepMetric.Best(sweep.Spec.Metric, sweep.Spec.Mode, metrics[trial.Id]) is not { } candidate) continue;
                var better = best is null || (sweep.Spec.Mode == Training.Recipe.MetricMode.Max ? candidate.Value > best.Value : candidate.Value < best.Value);
                if (better) best = new SweepBestTrial(trial.Id, trial.TrialNumber ?? 0, candidate.Value, candidate.Epoch);
            }
            return new SweepView(sweep, sweep.OwnerId is { } o && owners.TryGetValue(o, out var name) ? name : null, counts, best);
        }).ToList();
    }

    private static async Task<ILookup<Guid, EpochMetricsRecord>> MetricsAsync(TrainingDbContext db, IReadOnlyList<Guid> sweepIds, CancellationToken ct) =>
        (await (from metric in db.EpochMetrics.AsNoTracking()
                join job in db.Jobs on metric.JobId equals job.Id
                where job.SweepId != null && sweepIds.Contains(job.SweepId.Value)
                select metric).ToListAsync(ct)).ToLookup(m => m.JobId);

    private static async Task<Dictionary<Guid, int>> StopsAsync(TrainingDbContext db, IReadOnlyList<Guid> sweepIds, CancellationToken ct) =>
        (await db.SweepRungs.AsNoTracking().Where(r => sweepIds.Contains(r.SweepId) && r.Stopped).Select(r => new { r.JobId, r.Rung }).ToListAsync(ct))
            .GroupBy(r => r.JobId).ToDictionary(g => g.Key, g => g.Min(r => r.Rung));
}
