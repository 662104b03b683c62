using Microsoft.EntityFrameworkCore;
using TrainingService.Core.Events;
using TrainingService.Core.Jobs;

namespace TrainingService.Core.Persistence;

/// <summary>
/// Moves jobs through <see cref="JobStatusTransitions"/>. Each move is one conditional UPDATE and
/// its NOTIFY in one transaction: a move that lost a race changes nothing and announces nothing.
/// </summary>
public sealed class JobLifecycle(IDbContextFactory<TrainingDbContext> contexts, TimeProvider clock)
{
    public Task<TrainingJob> CreateAsync(TrainingJobSpec spec, CancellationToken cancellationToken) =>
        contexts.InTransactionAsync(async (db, ct) =>
        {
            var now = clock.GetUtcNow();
            var job = new TrainingJob
            {
                Id = Guid.CreateVersion7(now),
                Name = spec.Name,
                Spec = spec,
                Status = JobStatus.Queued,
                CreatedAt = now,
                UpdatedAt = now,
                TotalEpochs = spec.Hyperparameters.Epochs,
            };
            db.Jobs.Add(job);
            await db.SaveChangesAsync(ct);
            await db.NotifyAsync(StatusEvent(job, now), ct);
            return job;
        }, cancellationToken);

    public async Task AttachHangfireJobAsync(Guid jobId, string hangfireJobId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Jobs.Where(j => j.Id == jobId)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.HangfireJobId, hangfireJobId), cancellationToken);
    }

    /// <summary>Takes a queued job, or a running one whose worker stopped heartbeating; null when another run owns it or it is over.</summary>
    public Task<JobRun?> TryStartRunAsync(Guid jobId, string workerName, TimeSpan staleAfter, CancellationToken cancellationToken) =>
        contexts.InTransactionAsync(async (db, ct) =>
        {
            var now = clock.GetUtcNow();
            var staleBefore = now - staleAfter;
            var runId = Guid.NewGuid();
            var taken = await db.Jobs
                .Where(j => j.Id == jobId && (j.Status == JobStatus.Queued
                    || (j.Status == JobStatus.Running && (j.HeartbeatAt == null || j.HeartbeatAt < staleBefore))))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.Status, JobStatus.Running)
                    .SetProperty(j => j.RunId, runId)
                    .SetProperty(j => j.Attempt, j => j.Attempt + 1)
                    .SetProperty(j => j.WorkerName, workerName)
                    .SetProperty(j => j.StartedAt, now)
                    .SetProperty(j => j.HeartbeatAt, now)
                    .SetProperty(j => j.UpdatedAt, now)
                    .SetProperty(j => j.CurrentEpoch, 0)
                    .SetProperty(j => j.Error, (string?)null), ct);
            if (taken == 0)
            {
                return null;
            }
            // Without resume a takeover starts from scratch: rows of the abandoned attempt go.
            await db.EpochMetrics.Where(m => m.JobId == jobId).ExecuteDeleteAsync(ct);
            await db.Checkpoints.Where(c => c.JobId == jobId).ExecuteDeleteAsync(ct);
            await db.StepLosses.Where(s => s.JobId == jobId).ExecuteDeleteAsync(ct);
            var job = await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == jobId, ct);
            await db.NotifyAsync(StatusEvent(job, now), ct);
            return new JobRun(jobId, runId, job.Attempt, workerName, job.Spec);
        }, cancellationToken);

    /// <summary>Hands a run back to the queue (its worker is stopping); the next fetch starts it afresh.</summary>
    public Task ReleaseAsync(JobRun run, CancellationToken cancellationToken) =>
        contexts.InTransactionAsync(async (db, ct) =>
        {
            var now = clock.GetUtcNow();
            var released = await db.Jobs
                .Where(j => j.Id == run.JobId && j.RunId == run.RunId && j.Status == JobStatus.Running)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.Status, JobStatus.Queued)
                    .SetProperty(j => j.RunId, (Guid?)null)
                    .SetProperty(j => j.HeartbeatAt, (DateTimeOffset?)null)
                    .SetProperty(j => j.UpdatedAt, now), ct);
            if (released == 1)
            {
                var job = await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == run.JobId, ct);
                await db.NotifyAsync(StatusEvent(job, now), ct);
            }
            return released == 1;
        }, cancellationToken);

    public Task CompleteAsync(JobRun run, Training.TrainingOutcome outcome, CancellationToken cancellationToken) =>
        FinishAsync(run.JobId, run.RunId, JobStatus.Succeeded, null, outcome, cancellationToken);

    public Task FailAsync(Guid jobId, Guid? runId, string error, CancellationToken cancellationToken) =>
        FinishAsync(jobId, runId, JobStatus.Failed, error, null, cancellationToken);

    public Task CancelAsync(Guid jobId, Guid? runId, CancellationToken cancellationToken) =>
        FinishAsync(jobId, runId, JobStatus.Cancelled, null, null, cancellationToken);

    private Task FinishAsync(Guid jobId, Guid? runId, JobStatus target, string? error, Training.TrainingOutcome? outcome, CancellationToken cancellationToken) =>
        contexts.InTransactionAsync(async (db, ct) =>
        {
            var now = clock.GetUtcNow();
            var sources = JobStatusTransitions.AllowedFrom(target).ToList();
            var changed = await db.Jobs
                .Where(j => j.Id == jobId && sources.Contains(j.Status) && (runId == null || j.RunId == runId))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.Status, target)
                    .SetProperty(j => j.Error, error)
                    .SetProperty(j => j.FinishedAt, now)
                    .SetProperty(j => j.UpdatedAt, now)
                    .SetProperty(j => j.TestLoss, outcome == null ? null : outcome.TestLoss)
                    .SetProperty(j => j.TestAccuracy, outcome == null ? null : outcome.TestAccuracy)
                    .SetProperty(j => j.BestEpoch, outcome == null ? null : outcome.BestEpoch)
                    .SetProperty(j => j.Evaluation, outcome == null ? null : outcome.Evaluation)
                    .SetProperty(j => j.StoppedEarlyAfterEpoch, outcome == null ? null : outcome.StoppedEarlyAfterEpoch), ct);
            if (changed == 0)
            {
                return false;
            }
            var job = await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == jobId, ct);
            await db.NotifyAsync(StatusEvent(job, now), ct);
            return true;
        }, cancellationToken);

    internal static JobStatusChangedEvent StatusEvent(TrainingJob job, DateTimeOffset now) =>
        new(job.Id, job.Status, JobStatusChangedEvent.Shorten(job.Error), job.CurrentEpoch, job.TotalEpochs, job.TestAccuracy, now);
}
