using Microsoft.EntityFrameworkCore;

namespace TrainingService.Core.Persistence;

/// <summary>The <c>workers</c> table: each worker writes its own row, with its NOTIFY in the same transaction.</summary>
public sealed class WorkerRegistry(IDbContextFactory<TrainingDbContext> contexts)
{
    /// <summary>
    /// Stores what the worker reports (inserting its row the first time), with the throughput of the last
    /// completed epoch of its current or last job, and announces the stored row.
    /// </summary>
    public Task<WorkerRecord> ReportAsync(WorkerRecord report, CancellationToken cancellationToken) =>
        contexts.InTransactionAsync(async (db, ct) =>
        {
            report.ImagesPerSecond = report.LastJobId is { } jobId
                ? await db.EpochMetrics.Where(m => m.JobId == jobId).OrderByDescending(m => m.Epoch)
                    .Select(m => (double?)m.ImagesPerSecond).FirstOrDefaultAsync(ct)
                : null;
            var stored = await db.Workers.FindAsync([report.Name], ct);
            if (stored is null)
            {
                db.Workers.Add(report);
            }
            else
            {
                db.Entry(stored).CurrentValues.SetValues(report);
            }
            await db.SaveChangesAsync(ct);
            await db.NotifyAsync(new WorkerChannel.Message(report.Name, report), ct);
            return report;
        }, cancellationToken);

    /// <summary>Deletes the row of a worker that stopped cleanly, so it leaves the list instead of turning lost.</summary>
    public Task RemoveAsync(string name, CancellationToken cancellationToken) =>
        contexts.InTransactionAsync(async (db, ct) =>
        {
            await db.Workers.Where(w => w.Name == name).ExecuteDeleteAsync(ct);
            await db.NotifyAsync(new WorkerChannel.Message(name, null), ct);
            return true;
        }, cancellationToken);

    public async Task<IReadOnlyList<WorkerRecord>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Workers.AsNoTracking().OrderBy(w => w.Name).ToListAsync(cancellationToken);
    }

    public async Task<WorkerRecord?> FindAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Workers.AsNoTracking().SingleOrDefaultAsync(w => w.Name == name, cancellationToken);
    }
}
