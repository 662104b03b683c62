using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TrainingService.Core.Artifacts;
using TrainingService.Core.Persistence;

namespace TrainingService.Core.Retention;

/// <summary>Carries out a <see cref="PendingFileDeletionRecord"/>: deletes its files, then the record; a failure is logged and kept for a retry.</summary>
public static class PendingFileDeletions
{
    /// <returns>The number of stored artifacts deleted, or null when deleting failed and the record stays for a retry.</returns>
    public static async Task<int?> TryCompleteAsync(IDbContextFactory<TrainingDbContext> contexts, CheckpointArtifacts checkpoints,
        PendingFileDeletionRecord pending, ILogger logger, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        try
        {
            var deleted = await checkpoints.PurgeAsync(pending.KeyPrefix, cancellationToken);
            await db.PendingFileDeletions.Where(p => p.Id == pending.Id).ExecuteDeleteAsync(cancellationToken);
            return deleted;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Could not delete the files under {KeyPrefix} of job {JobId}; the retention sweep retries", pending.KeyPrefix, pending.JobId);
            var error = exception.Message.Length > 2000 ? exception.Message[..2000] : exception.Message;
            try
            {
                await db.PendingFileDeletions.Where(p => p.Id == pending.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.Attempts, p => p.Attempts + 1).SetProperty(p => p.LastError, error), cancellationToken);
            }
            catch (Exception recording) when (recording is not OperationCanceledException)
            {
                logger.LogWarning(recording, "Could not record the failed deletion of {KeyPrefix}", pending.KeyPrefix);
            }
            return null;
        }
    }
}
