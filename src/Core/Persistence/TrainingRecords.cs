using Microsoft.EntityFrameworkCore;
using TrainingService.Core.Events;
using TrainingService.Core.Training;

namespace TrainingService.Core.Persistence;

/// <summary>
/// Stores what a run produces. Each write first refreshes the run's heartbeat conditionally on
/// its run id, so a run that lost its lease fails with <see cref="RunLeaseLostException"/>
/// instead of writing over its successor; the row and its NOTIFY commit together.
/// </summary>
public sealed class TrainingRecords(IDbContextFactory<TrainingDbContext> contexts, TimeProvider clock)
{
    public Task AppendEpochAsync(JobRun run, EpochMetrics m, long firstStep, float[] stepLosses, CancellationToken cancellationToken) =>
        contexts.InTransactionAsync(async (db, ct) =>
        {
            var now = await ClaimAsync(db, run, ct, epoch: m.Epoch);
            db.EpochMetrics.Add(new EpochMetricsRecord
            {
                JobId = run.JobId, Epoch = m.Epoch, TrainLoss = m.TrainLoss, TrainAccuracy = m.TrainAccuracy,
                ValidationLoss = m.ValidationLoss, ValidationAccuracy = m.ValidationAccuracy, LearningRate = m.LearningRate,
                EpochSeconds = m.EpochSeconds, ImagesPerSecond = m.ImagesPerSecond, RecordedAt = now,
                ValidationTop5Accuracy = m.ValidationTop5Accuracy, PeakMemoryBytes = m.PeakMemoryBytes,
            });
            db.StepLosses.Add(new StepLossesRecord { JobId = run.JobId, Epoch = m.Epoch, FirstStep = firstStep, Losses = StepLossesRecord.Pack(stepLosses) });
            await db.SaveChangesAsync(ct);
            await db.NotifyAsync(new EpochCompletedEvent(run.JobId, m.Epoch, m.TrainLoss, m.TrainAccuracy, m.ValidationLoss,
                m.ValidationAccuracy, m.LearningRate, m.EpochSeconds, m.ImagesPerSecond, now, m.ValidationTop5Accuracy, m.PeakMemoryBytes), ct);
            return true;
        }, cancellationToken);

    public Task SaveCheckpointAsync(JobRun run, SavedCheckpoint checkpoint, string relativePath, CancellationToken cancellationToken) =>
        contexts.InTransactionAsync(async (db, ct) =>
        {
            var now = await ClaimAsync(db, run, ct);
            await db.Checkpoints.Where(c => c.JobId == run.JobId && c.Name == checkpoint.Name).ExecuteDeleteAsync(ct);
            db.Checkpoints.Add(new CheckpointRecord
            {
                JobId = run.JobId, Name = checkpoint.Name, Epoch = checkpoint.Epoch, RelativePath = relativePath,
                SizeBytes = checkpoint.File.SizeBytes, Sha256 = checkpoint.File.Sha256, CreatedAt = now,
            });
            await db.SaveChangesAsync(ct);
            await db.NotifyAsync(new CheckpointSavedEvent(run.JobId, checkpoint.Name, checkpoint.Epoch), ct);
            return true;
        }, cancellationToken);

    public Task HeartbeatAsync(JobRun run, CancellationToken cancellationToken) =>
        contexts.InTransactionAsync(async (db, ct) => await ClaimAsync(db, run, ct), cancellationToken);

    private async Task<DateTimeOffset> ClaimAsync(TrainingDbContext db, JobRun run, CancellationToken ct, int? epoch = null)
    {
        var now = clock.GetUtcNow();
        var claimed = await db.Jobs
            .Where(j => j.Id == run.JobId && j.RunId == run.RunId && j.Status == Jobs.JobStatus.Running)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.HeartbeatAt, now)
                .SetProperty(j => j.UpdatedAt, now)
                .SetProperty(j => j.CurrentEpoch, j => epoch ?? j.CurrentEpoch), ct);
        return claimed == 1 ? now : throw new RunLeaseLostException(run.JobId, run.RunId);
    }
}
