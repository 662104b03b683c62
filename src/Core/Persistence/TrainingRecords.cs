using Microsoft.EntityFrameworkCore;
using TrainingService.Core.Events;
using TrainingService.Core.Training;

namespace TrainingService.Core.Persistence;

/// <summary>
/// Stores what a run produces. Each write first renews the run's lease conditionally on its run id,
/// so a run that lost its lease fails with <see cref="RunLeaseLostException"/> instead of writing over
/// its successor; rows and their NOTIFYs commit together.
/// </summary>
public sealed class TrainingRecords(IDbContextFactory<TrainingDbContext> contexts, TimeProvider clock)
{
    /// <summary>The epoch's metrics, step losses and checkpoint rows in one transaction, so a crash leaves all of them or none.</summary>
    public Task CommitEpochAsync(JobRun run, CompletedEpoch epoch, string checkpointRoot, CancellationToken cancellationToken) =>
        contexts.InTransactionAsync(async (db, ct) =>
        {
            var m = epoch.Metrics;
            var now = await RenewAsync(db, run, ct, epoch: m.Epoch);
            db.EpochMetrics.Add(new EpochMetricsRecord
            {
                JobId = run.JobId, Epoch = m.Epoch, TrainLoss = m.TrainLoss, TrainAccuracy = m.TrainAccuracy,
                ValidationLoss = m.ValidationLoss, ValidationAccuracy = m.ValidationAccuracy, LearningRate = m.LearningRate,
                EpochSeconds = m.EpochSeconds, ImagesPerSecond = m.ImagesPerSecond, RecordedAt = now,
                ValidationTop5Accuracy = m.ValidationTop5Accuracy, PeakMemoryBytes = m.PeakMemoryBytes,
            });
            db.StepLosses.Add(new StepLossesRecord { JobId = run.JobId, Epoch = m.Epoch, FirstStep = epoch.FirstStep, Losses = StepLossesRecord.Pack(epoch.StepLosses) });
            foreach (var checkpoint in epoch.Checkpoints)
            {
                await ReplaceCheckpointAsync(db, run, checkpoint, checkpointRoot, now, ct);
            }
            await db.SaveChangesAsync(ct);
            await db.NotifyAsync(new EpochCompletedEvent(run.JobId, m.Epoch, m.TrainLoss, m.TrainAccuracy, m.ValidationLoss,
                m.ValidationAccuracy, m.LearningRate, m.EpochSeconds, m.ImagesPerSecond, now, m.ValidationTop5Accuracy, m.PeakMemoryBytes), ct);
            foreach (var checkpoint in epoch.Checkpoints)
            {
                await db.NotifyAsync(new CheckpointSavedEvent(run.JobId, checkpoint.Name, checkpoint.Epoch), ct);
            }
            return true;
        }, cancellationToken);

    public Task SaveCheckpointAsync(JobRun run, SavedCheckpoint checkpoint, string checkpointRoot, CancellationToken cancellationToken) =>
        contexts.InTransactionAsync(async (db, ct) =>
        {
            var now = await RenewAsync(db, run, ct);
            await ReplaceCheckpointAsync(db, run, checkpoint, checkpointRoot, now, ct);
            await db.SaveChangesAsync(ct);
            await db.NotifyAsync(new CheckpointSavedEvent(run.JobId, checkpoint.Name, checkpoint.Epoch), ct);
            return true;
        }, cancellationToken);

    /// <summary>Renews the lease and reads what the user asked of the run since (the fallback for a missed NOTIFY).</summary>
    public Task<StopRequest?> HeartbeatAsync(JobRun run, CancellationToken cancellationToken) =>
        contexts.InTransactionAsync(async (db, ct) =>
        {
            await RenewAsync(db, run, ct);
            return await db.Jobs.Where(j => j.Id == run.JobId).Select(j => j.StopRequest).SingleAsync(ct);
        }, cancellationToken);

    /// <summary>The files the job's checkpoint rows point at, relative to the checkpoint root; every other file in its folder is garbage.</summary>
    public async Task<IReadOnlySet<string>> ReferencedFilesAsync(Guid jobId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var paths = await db.Checkpoints.Where(c => c.JobId == jobId).Select(c => c.RelativePath).ToListAsync(cancellationToken);
        return paths.ToHashSet(StringComparer.Ordinal);
    }

    /// <returns>Null when the job has no checkpoint of that name.</returns>
    public async Task<CheckpointRecord?> CheckpointAsync(Guid jobId, string name, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Checkpoints.AsNoTracking().SingleOrDefaultAsync(c => c.JobId == jobId && c.Name == name, cancellationToken);
    }

    private static async Task ReplaceCheckpointAsync(TrainingDbContext db, JobRun run, SavedCheckpoint checkpoint, string checkpointRoot, DateTimeOffset now, CancellationToken ct)
    {
        await db.Checkpoints.Where(c => c.JobId == run.JobId && c.Name == checkpoint.Name).ExecuteDeleteAsync(ct);
        db.Checkpoints.Add(new CheckpointRecord
        {
            JobId = run.JobId, Name = checkpoint.Name, Epoch = checkpoint.Epoch, Step = checkpoint.Step,
            RelativePath = Path.GetRelativePath(Path.GetFullPath(checkpointRoot), Path.GetFullPath(checkpoint.File.Path)),
            SizeBytes = checkpoint.File.SizeBytes, Sha256 = checkpoint.File.Sha256, CreatedAt = now,
        });
    }

    private async Task<DateTimeOffset> RenewAsync(TrainingDbContext db, JobRun run, CancellationToken ct, int? epoch = null)
    {
        var now = clock.GetUtcNow();
        var renewed = await db.Jobs
            .Where(j => j.Id == run.JobId && j.RunId == run.RunId && j.Status == Jobs.JobStatus.Running)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.HeartbeatAt, now)
                .SetProperty(j => j.UpdatedAt, now)
                .SetProperty(j => j.CurrentEpoch, j => epoch ?? j.CurrentEpoch), ct);
        return renewed == 1 ? now : throw new RunLeaseLostException(run.JobId, run.RunId);
    }
}
