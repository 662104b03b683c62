using Microsoft.EntityFrameworkCore;
using TrainingService.Core.Events;
using TrainingService.Core.Persistence;

namespace TrainingService.Core.Library;

/// <summary>
/// Writes a job's tags and note in any state. A running job's row is written by its worker at the same time, so this
/// updates those columns alone (and <see cref="TrainingJob.UpdatedAt"/>) in one UPDATE, never a whole tracked row, and
/// announces the change in the same transaction.
/// </summary>
public sealed class JobLabelStore(IDbContextFactory<TrainingDbContext> contexts, TimeProvider clock)
{
    /// <returns>False when there is no such job.</returns>
    public Task<bool> UpdateAsync(Guid jobId, JobLabelChange change, CancellationToken cancellationToken) =>
        contexts.InTransactionAsync(async (db, ct) =>
        {
            var now = clock.GetUtcNow();
            var updated = await db.Jobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s =>
            {
                if (change.Tags is { } tags) s.SetProperty(j => j.Tags, tags.ToList());
                if (change.SetsNote) s.SetProperty(j => j.Note, change.Note);
                s.SetProperty(j => j.UpdatedAt, now);
            }, ct);
            if (updated == 0) return false;
            var labels = await db.Jobs.AsNoTracking().Where(j => j.Id == jobId).Select(j => new { j.Tags, j.Note }).SingleAsync(ct);
            await db.NotifyAsync(new JobLabelsChangedEvent(jobId, labels.Tags, JobLabelsChangedEvent.Shorten(labels.Note), now), ct);
            return true;
        }, cancellationToken);
}
