using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TrainingService.Core.Artifacts;
using TrainingService.Core.Events;
using TrainingService.Core.Jobs;
using TrainingService.Core.Persistence;
using TrainingService.Core.Retention;

namespace TrainingService.Core.Library;

/// <summary>
/// Deletes a finished job: first, in one transaction, its row (every row that refers to it goes with it by cascade:
/// metrics, step losses, attempts, checkpoint rows, sweep rung decisions), a pending deletion of its checkpoint
/// folder, and the announcement; then, once that has committed, the files. A failure to delete files leaves the
/// pending deletion for the retention sweep to retry, so no row ever points at a missing file and no file outlives
/// its job for long.
/// </summary>
public sealed class JobDeletion(IDbContextFactory<TrainingDbContext> contexts, CheckpointArtifacts checkpoints, TimeProvider clock, ILogger<JobDeletion> logger)
{
    public async Task<JobDeletionResult> DeleteAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var (result, pending) = await contexts.InTransactionAsync(async (db, ct) =>
        {
            // The row lock keeps a resume or a worker's claim from slipping in between the check and the delete.
            var job = await db.Jobs.FromSql($"""SELECT * FROM training_jobs WHERE "Id" = {jobId} FOR UPDATE""").AsNoTracking().SingleOrDefaultAsync(ct);
            if (job is null) return (JobDeletionResult.NotFound, (PendingFileDeletionRecord?)null);
            if (!JobStatusTransitions.IsTerminal(job.Status)) return (new JobDeletionResult(JobDeletionOutcome.NotFinished, job.Status), null);
            var now = clock.GetUtcNow();
            var deletion = new PendingFileDeletionRecord { JobId = jobId, KeyPrefix = ArtifactKeys.CheckpointFolder(jobId), CreatedAt = now };
            db.PendingFileDeletions.Add(deletion);
            await db.SaveChangesAsync(ct);
            await db.Jobs.Where(j => j.Id == jobId).ExecuteDeleteAsync(ct);
            await db.NotifyAsync(new JobDeletedEvent(jobId, job.OwnerId, now), ct);
            return (JobDeletionResult.Deleted, deletion);
        }, cancellationToken);

        if (pending is not null)
        {
            await PendingFileDeletions.TryCompleteAsync(contexts, checkpoints, pending, logger, CancellationToken.None);
        }
        return result;
    }
}
